package org.daysofchaos.scoreboard.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.Leftovers;
import org.daysofchaos.agents.environment.Environment;
import org.daysofchaos.agents.environment.EnvironmentSystems;
import org.daysofchaos.agents.kubernetes.KubernetesBackend;
import org.daysofchaos.agents.kubernetes.KubernetesCleanup;
import org.daysofchaos.agents.metrics.MetricSources;
import org.daysofchaos.agents.metrics.PromQlSource;
import org.daysofchaos.agents.metrics.PrometheusAlerts;
import org.daysofchaos.agents.process.LocalProcess;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServer;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.ledger.FileLedger;
import org.daysofchaos.core.run.TargetCheck;
import org.daysofchaos.core.scenario.DryRun;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.AlertWatch;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.MetricSource;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.probes.MetricThreshold;
import org.daysofchaos.scoreboard.server.ServeOptions;
import org.daysofchaos.scoreboard.targets.NamedUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chaos run FILE...}: runs scenarios against systems you point it at. */
@Command(
    name = "run",
    description =
        "Runs scenario files against Toxiproxy servers, local processes, a Kubernetes cluster"
            + ", Prometheus text endpoints and Prometheus servers that you name; only those can be"
            + " touched.")
public class RunCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Scenario files and Chaos Toolkit experiments (JSON, or YAML with a method), run in"
              + " order: the scenarios, then the experiments.")
  List<Path> files;

  @Option(
      names = "--journal-format",
      paramLabel = "FORMAT",
      defaultValue = "ours",
      description =
          "ctk: an experiment's run also writes Chaos Toolkit's journal (to --ctk-journal);"
              + " ours (default): only our journal.")
  String journalFormat;

  @Option(
      names = "--ctk-journal",
      paramLabel = "FILE",
      defaultValue = "journal.json",
      description = "Where --journal-format ctk writes (default: ${DEFAULT-VALUE}).")
  Path ctkJournal;

  @Option(
      names = "--toxiproxy",
      paramLabel = "[NAME=]URL",
      description =
          "A Toxiproxy server scenarios may target (repeatable); without NAME it is the default server.")
  List<String> toxiproxies = new ArrayList<>();

  @Option(
      names = "--process",
      paramLabel = "NAME=PID",
      description = "A local process scenarios may target as {process: NAME} (repeatable).")
  Map<String, Long> processes = Map.of();

  @Option(
      names = "--metrics",
      paramLabel = "URL",
      description = "A Prometheus text endpoint to scrape for metric probes (repeatable).")
  List<URI> metrics = new ArrayList<>();

  @Option(
      names = "--prometheus",
      paramLabel = "[NAME=]URL",
      converter = ServeOptions.PrometheusUrl.class,
      description =
          "A Prometheus server metric probes query with PromQL (repeatable). A probe picks it with"
              + " source: NAME; without NAME it answers the probes that name no source.")
  List<NamedUrl> prometheus = new ArrayList<>();

  @Option(
      names = "--prometheus-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "5s",
      description =
          "How long a PromQL query may take before its probe counts as unmeasured (default:"
              + " ${DEFAULT-VALUE}).")
  Duration prometheusTimeout;

  @Option(
      names = "--dry-run",
      description =
          "Show what would be injected and check every target (allowed, reachable, its state) without touching anything.")
  boolean dryRun;

  @Option(
      names = "--kubernetes",
      description =
          "Allow Kubernetes targets, on the cluster of the default kubeconfig (or the pod's service"
              + " account); only namespaces and nodes labelled daysofchaos.org/allow-chaos=true.")
  boolean kubernetes;

  @Option(
      names = "--environment",
      paramLabel = "FILE",
      description =
          "An environment file naming the systems scenarios may touch and read"
              + " (docs/environment.md); the other options add to it.")
  Path environmentFile;

  @Mixin KubernetesOptions kube;

  @Mixin RunOptionsMixin run;

  @Mixin ParameterOptions parameters;

  private Environment environment;
  private List<ExperimentFiles.Loaded> experiments = List.of();
  private Optional<EnvironmentSystems.Cluster> named = Optional.empty();

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (!journalFormat.equals("ours") && !journalFormat.equals("ctk")) {
      throw new UserError("--journal-format is ours or ctk, not " + journalFormat);
    }
    environment = CliEnvironment.load(environmentFile);
    List<List<Path>> split = ExperimentFiles.split(files);
    ExperimentFiles.Result loaded = ExperimentFiles.load(split.get(0));
    ReadResult read = ScenarioFiles.reader(parameters.values(environment)).read(split.get(1));
    if (!read.ok() || !loaded.problems().isEmpty()) {
      read.problems().forEach(System.err::println);
      loaded.problems().forEach(System.err::println);
      return ExitCodes.PROBLEMS;
    }
    experiments = loaded.experiments();
    LocalProcesses local = EnvironmentSystems.registerProcesses(environment, new LocalProcesses());
    processes.forEach((name, pid) -> local.register(name, LocalProcess.ofPid(pid)));
    named = oneCluster(environment);
    if (named.isPresent() && (kubernetes || kube.given())) {
      throw new UserError(
          "the environment file names the Kubernetes cluster "
              + named.get().name()
              + "; give it there or with --kubernetes/--kubeconfig, not both");
    }
    boolean onKubernetes = kubernetes || kube.given() || named.isPresent();
    if (!onKubernetes) {
      requireNoKubernetes(read.scenarios());
      requireNoKubernetesIn(experiments);
    }
    try (KubernetesClient cluster =
        named.isPresent() ? named.get().connect() : onKubernetes ? kube.connect() : null) {
      if (dryRun) {
        experiments.forEach(
            e ->
                out.println(
                    e.experiment().file()
                        + ": Chaos Toolkit experiment '"
                        + e.experiment().title()
                        + "', "
                        + e.experiment().method().size()
                        + " activities in its method"));
        return dryRun(read.scenarios(), injectors(servers(), local, cluster), out);
      }
      return run(read.scenarios(), local, cluster, out);
    }
  }

  private int run(
      List<Scenario> scenarios, LocalProcesses local, KubernetesClient cluster, PrintStream out)
      throws Exception {
    try (FileLedger ledger = FileLedger.open(run.ledger)) {
      Clock clock = Clock.systemUTC();
      (cluster == null
              ? Leftovers.revertAll(ledger, clock)
              : Leftovers.revertAll(ledger, clock, cluster))
          .forEach(out::println);
      if (cluster != null) {
        cleanUpExpired(cluster, clock, out);
      }
      MetricSources sources = metricSources();
      requireMetricSources(scenarios, sources);
      ToxiproxyServers servers = servers();
      requireToxiproxy(experiments, servers);
      ProbeRunners probes = Agents.probes(sources, servers, environment.probeHosts());
      if (cluster != null) {
        probes = Agents.withKubernetes(probes, cluster, clock);
      }
      RunSession session =
          new RunSession(injectors(servers, local, cluster), probes, ledger, run.runOptions(), out)
              .withAlerts(alertWatches());
      int exit = ExitCodes.OK;
      for (Scenario scenario : scenarios) {
        RunResult result = session.run(run.apply(scenario), run.journal());
        exit = Math.max(exit, ExitCodes.of(result.verdict()));
      }
      ExperimentSession experimentSession =
          new ExperimentSession(injectors(servers, local, cluster), probes, ledger, out);
      for (ExperimentFiles.Loaded experiment : experiments) {
        RunResult result =
            experimentSession.run(
                experiment,
                run.journal(),
                journalFormat.equals("ctk") ? Optional.of(ctkJournal) : Optional.empty());
        exit = Math.max(exit, ExitCodes.of(result.verdict()));
      }
      return exit;
    }
  }

  /**
   * The environment's cluster, if it names one: a run from the command line breaks one cluster; a
   * game day on several runs from the server.
   */
  private static Optional<EnvironmentSystems.Cluster> oneCluster(Environment environment) {
    List<EnvironmentSystems.Cluster> clusters = EnvironmentSystems.clusters(environment);
    if (clusters.size() > 1) {
      throw new UserError(
          "the environment file names "
              + clusters.size()
              + " Kubernetes clusters ("
              + String.join(", ", clusters.stream().map(EnvironmentSystems.Cluster::name).toList())
              + "); chaos run breaks one: run the scenarios in a game day on the server (chaos"
              + " serve --environment), or give an environment file with that one cluster");
    }
    return clusters.stream().findFirst();
  }

  /** Reverts what dead runs left on the cluster past its expiry; never stops the run. */
  private static void cleanUpExpired(KubernetesClient cluster, Clock clock, PrintStream out) {
    try {
      new KubernetesCleanup(cluster, clock)
          .revertExpired().stream()
              .filter(line -> !line.startsWith("left "))
              .forEach(line -> out.println("kubernetes clean-up: " + line));
    } catch (RuntimeException e) {
      out.println("kubernetes clean-up skipped: " + e.getMessage());
    }
  }

  private Injectors injectors(
      ToxiproxyServers servers, LocalProcesses local, KubernetesClient cluster) {
    if (cluster == null) {
      return Agents.injectors(servers, local);
    }
    Clock clock = Clock.systemUTC();
    return Agents.injectors(
        servers,
        local,
        named
            .map(
                c ->
                    new KubernetesBackend(
                        c.name(),
                        cluster,
                        clock,
                        new Random(),
                        Set.copyOf(c.config().namespaces())))
            .orElseGet(() -> new KubernetesBackend(cluster, clock, new Random())));
  }

  /** Kubernetes targets and probes need {@code --kubernetes}: say so before anything runs. */
  private static void requireNoKubernetes(List<Scenario> scenarios) {
    for (Scenario scenario : scenarios) {
      String uses =
          scenario.targets().values().stream()
              .filter(t -> t.spec(KubernetesTarget.class).isPresent())
              .map(Target::name)
              .findFirst()
              .map(name -> "targets " + name + " on Kubernetes")
              .orElse(
                  probes(scenario).stream()
                      .map(KindCatalog::kindOf)
                      .filter(kind -> kind.startsWith("kubernetes/"))
                      .findFirst()
                      .map(kind -> "uses the probe " + kind)
                      .orElse(null));
      if (uses != null) {
        throw new UserError(
            scenario.id()
                + " "
                + uses
                + "; add --kubernetes (the default kubeconfig, or the pod's service account),"
                + " or --kubeconfig FILE / --kube-context NAME");
      }
    }
  }

  /** An experiment's chaostoxi functions need their Toxiproxy server: said before anything runs. */
  private static void requireToxiproxy(
      List<ExperimentFiles.Loaded> experiments, ToxiproxyServers servers) {
    for (ExperimentFiles.Loaded e : experiments) {
      e.mapping()
          .mapped()
          .forEach(
              (activity, mapped) -> {
                if (mapped instanceof org.daysofchaos.chaostoolkit.Mapped.Fault fault
                    && fault
                        .target()
                        .spec(org.daysofchaos.experiments.targets.ProxyTarget.class)
                        .isPresent()) {
                  try {
                    servers.serverFor(fault.target());
                  } catch (RuntimeException refused) {
                    throw new UserError(
                        activity.where()
                            + ": "
                            + activity.describe()
                            + ": "
                            + refused.getMessage()
                            + "; give it with --toxiproxy URL");
                  }
                }
              });
    }
  }

  /** An experiment's chaosk8s functions need a cluster too: said before anything runs. */
  private static void requireNoKubernetesIn(List<ExperimentFiles.Loaded> experiments) {
    for (ExperimentFiles.Loaded e : experiments) {
      e.experiment().activities().stream()
          .filter(
              a ->
                  a.provider() instanceof org.daysofchaos.chaostoolkit.Provider.Python p
                      && p.module().startsWith("chaosk8s"))
          .findFirst()
          .ifPresent(
              a -> {
                throw new UserError(
                    a.where()
                        + ": "
                        + a.describe()
                        + " calls "
                        + a.provider().describe()
                        + "; add --kubernetes (the default kubeconfig, or the pod's service"
                        + " account), or --kubeconfig FILE / --kube-context NAME");
              });
    }
  }

  private static List<ProbeSpec> probes(Scenario scenario) {
    List<ProbeSpec> probes = new ArrayList<>(scenario.steadyState());
    probes.addAll(scenario.detection().signals());
    return probes;
  }

  private MetricSources metricSources() {
    Map<String, MetricSource> servers =
        new LinkedHashMap<>(EnvironmentSystems.prometheus(environment));
    for (NamedUrl server : prometheus) {
      try {
        MetricSource source =
            PromQlSource.of(server.url(), Optional.empty(), Optional.empty(), prometheusTimeout);
        if (servers.put(server.name(), source) != null) {
          throw new UserError("--prometheus " + server.name() + " is given twice");
        }
      } catch (IllegalArgumentException e) {
        throw new UserError("--prometheus " + server.url() + ": " + e.getMessage());
      }
    }
    try {
      List<URI> endpoints = new ArrayList<>(environment.metrics());
      endpoints.addAll(metrics);
      return MetricSources.of(endpoints, servers);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /**
   * The alerts of every Prometheus server, of the environment file and of {@code --prometheus}
   * (evaluated every 15 s, as far as this run knows), polled for the scenarios' {@code
   * detection.alerts}.
   */
  private List<AlertWatch> alertWatches() {
    List<AlertWatch> watches = new ArrayList<>(EnvironmentSystems.prometheusAlerts(environment));
    for (NamedUrl server : prometheus) {
      watches.add(
          PromQlSource.of(server.url(), Optional.empty(), Optional.empty(), prometheusTimeout)
              .alerts(server.name(), PrometheusAlerts.DEFAULT_EVALUATION_INTERVAL));
    }
    return watches;
  }

  /** Every metric probe's source is configured: said before anything is injected. */
  private static void requireMetricSources(List<Scenario> scenarios, MetricSources sources) {
    for (Scenario scenario : scenarios) {
      for (ProbeSpec probe : probes(scenario)) {
        if (probe instanceof MetricThreshold metric) {
          try {
            sources.named(metric.source(), scenario.id() + ": probe " + metric.describe());
          } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
          }
        }
      }
    }
  }

  private static int dryRun(List<Scenario> scenarios, Injectors injectors, PrintStream out) {
    boolean refused = false;
    for (Scenario scenario : scenarios) {
      out.println(DryRun.describe(scenario));
      out.println("  targets now:");
      for (TargetCheck.State state : TargetCheck.check(scenario, injectors)) {
        out.println("    " + state.describe());
        refused |= !state.ok();
      }
      out.println();
    }
    out.println(
        refused
            ? "some targets would be refused; nothing was injected"
            : "dry run: nothing was injected");
    return refused ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  private ToxiproxyServers servers() {
    List<ToxiproxyServer> servers = new ArrayList<>(EnvironmentSystems.toxiproxies(environment));
    for (String spec : toxiproxies) {
      int eq = spec.indexOf('=');
      String name = eq > 0 ? spec.substring(0, eq) : ToxiproxyServer.DEFAULT;
      String url = eq > 0 ? spec.substring(eq + 1) : spec;
      try {
        servers.add(ToxiproxyServer.of(name, URI.create(url)));
      } catch (IllegalArgumentException e) {
        throw new UserError("--toxiproxy " + spec + ": " + e.getMessage());
      }
    }
    return new ToxiproxyServers(servers);
  }
}
