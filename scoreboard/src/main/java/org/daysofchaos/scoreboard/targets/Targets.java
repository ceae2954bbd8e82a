package org.daysofchaos.scoreboard.targets;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.environment.Environment;
import org.daysofchaos.agents.environment.EnvironmentReader;
import org.daysofchaos.agents.environment.EnvironmentSystems;
import org.daysofchaos.agents.kubernetes.KubernetesClusters;
import org.daysofchaos.agents.metrics.MetricSources;
import org.daysofchaos.agents.metrics.PromQlSource;
import org.daysofchaos.agents.metrics.PrometheusAlerts;
import org.daysofchaos.agents.process.LocalProcess;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServer;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;
import org.daysofchaos.core.spi.AlertWatch;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.MetricSource;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.spi.Reverters;
import org.daysofchaos.demo.DemoProcess;
import org.daysofchaos.demo.DemoSystem;
import org.daysofchaos.demo.RunningDemo;
import org.daysofchaos.demo.TrafficStart;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.experiments.targets.ProcessTarget;
import org.daysofchaos.scoreboard.hosts.AgentInjector;
import org.daysofchaos.scoreboard.hosts.AgentRegistry;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server may touch: the systems of the environment file ({@code chaos.environment},
 * docs/environment.md), the Toxiproxy servers, local processes, metric endpoints and Prometheus
 * servers of the command-line shortcuts ({@code chaos.targets.*}), plus the embedded demo
 * pre-production with {@code chaos.demo.enabled}. Nothing else can be injected: this is the
 * pre-production allow-list.
 */
@Singleton
public class Targets implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Targets.class);
  private static final String TOXIPROXY = "chaos.targets.toxiproxy.";
  private static final String PROCESS = "chaos.targets.process.";
  private static final String PROMETHEUS = "chaos.targets.prometheus.";

  @Inject Config config;
  @Inject AgentRegistry agents;

  /** The lease of a fault on a host agent: how long it outlives the server's silence at most. */
  @ConfigProperty(name = "chaos.agents.lease", defaultValue = "5s")
  Duration agentLease;

  /** How long the server waits for an agent's answer to an order. */
  @ConfigProperty(name = "chaos.agents.answer-timeout", defaultValue = "30s")
  Duration agentAnswerTimeout;

  @ConfigProperty(name = "chaos.demo.enabled", defaultValue = "false")
  boolean demoEnabled;

  /**
   * The demo in a child JVM of its own (ADR 0022), so that the server's load cannot fail its steady
   * state; false runs it inside the server's JVM, as before.
   */
  @ConfigProperty(name = "chaos.demo.own-process", defaultValue = "true")
  boolean demoOwnProcess;

  @ConfigProperty(name = "chaos.demo.proxy-port", defaultValue = "8474")
  int demoProxyPort;

  @ConfigProperty(name = "chaos.demo.traffic", defaultValue = "" + DemoSystem.DEFAULT_TRAFFIC)
  int demoTraffic;

  /** Where the demo's ops console (its operational levers, docs/demo.md) listens. */
  @ConfigProperty(name = "chaos.demo.ops-port", defaultValue = "8475")
  int demoOpsPort;

  /**
   * Where the demo's booking service and its {@code /metrics} listen (0: a free port): fixed, so
   * that a Prometheus configured beforehand can scrape it ({@code serve --demo --prometheus}).
   */
  @ConfigProperty(name = "chaos.demo.metrics-port", defaultValue = "0")
  int demoMetricsPort;

  /** An ops console to link from the player console, for a real pre-production. */
  @ConfigProperty(name = "chaos.play.ops-url")
  Optional<URI> opsUrl;

  /** The Bearer token of that console: the server then serves it at /ops behind its sign-in. */
  @ConfigProperty(name = "chaos.play.ops-token")
  Optional<String> opsToken;

  @ConfigProperty(name = "chaos.targets.metrics")
  Optional<List<URI>> metrics;

  /** How long a PromQL query of a command-line Prometheus may take before it is unmeasured. */
  @ConfigProperty(name = "chaos.targets.prometheus-timeout", defaultValue = "5s")
  Duration prometheusTimeout;

  /** The environment file, if one is given (docs/environment.md). */
  @ConfigProperty(name = "chaos.environment")
  Optional<Path> environmentFile;

  private volatile RunningDemo demo;
  private volatile Wiring wiring;
  private Environment environment;
  private KubernetesClusters kubernetes;

  /** The injectors, probes and allow-lists, built once the demo (if any) is up. */
  public record Wiring(
      ToxiproxyServers servers,
      Map<String, String> serverUrls,
      LocalProcesses processes,
      Map<String, Long> processPids,
      List<URI> metrics,
      Injectors injectors,
      ProbeRunners probes,
      List<AlertWatch> alerts) {}

  /** Where the server forwards {@code /ops}: an ops console and the token it takes. */
  public record OpsUpstream(URI url, String token) {}

  /**
   * The operations console players pull levers on, as the player console links it: the server's own
   * {@code /ops} when it serves one (the demo's, or {@code chaos.play.ops-url} with {@code
   * chaos.play.ops-token}), else {@code chaos.play.ops-url} as it is.
   */
  public Optional<URI> opsConsole() {
    return opsUpstream().map(u -> URI.create("/ops")).or(() -> opsUrl);
  }

  /** The ops console the server serves behind its sign-in at {@code /ops}, if any. */
  public Optional<OpsUpstream> opsUpstream() {
    RunningDemo running = demo;
    if (running != null) {
      return Optional.of(new OpsUpstream(running.opsUrl(), running.opsToken()));
    }
    return opsToken.flatMap(token -> opsUrl.map(url -> new OpsUpstream(url, token)));
  }

  /** The environment file's values for the {@code parameters:} of scenarios. */
  public Map<String, String> scenarioParameters() {
    return environment().parameters();
  }

  /** Starts the embedded demo when configured, then wires every target. Idempotent. */
  public synchronized Wiring start() throws IOException {
    if (wiring != null) {
      return wiring;
    }
    Environment env = environment();
    Map<String, String> servers = new LinkedHashMap<>();
    Map<String, Long> pids = new LinkedHashMap<>();
    LocalProcesses processes = EnvironmentSystems.registerProcesses(env, new LocalProcesses());
    List<URI> metricUrls = new ArrayList<>(env.metrics());
    metricUrls.addAll(metrics.orElse(List.of()));
    env.toxiproxy().forEach((name, config) -> servers.put(name, config.url()));
    if (demoEnabled) {
      startDemo(servers, processes, pids, metricUrls);
    }
    Map<String, MetricSource> prometheus = new LinkedHashMap<>(EnvironmentSystems.prometheus(env));
    List<AlertWatch> alerts = new ArrayList<>(EnvironmentSystems.prometheusAlerts(env));
    addShortcuts(servers, processes, pids, prometheus);
    alerts.addAll(shortcutAlerts(prometheus, env));
    demoThroughPrometheus(prometheus, metricUrls);
    List<ToxiproxyServer> list = new ArrayList<>();
    servers.forEach((name, url) -> list.add(ToxiproxyServer.of(name, URI.create(url))));
    ToxiproxyServers toxiproxies = new ToxiproxyServers(list);
    kubernetes = EnvironmentSystems.kubernetes(env, Clock.systemUTC()).orElse(null);
    ProbeRunners probes =
        Agents.probes(MetricSources.of(metricUrls, prometheus), toxiproxies, env.probeHosts());
    prometheus.keySet().forEach(name -> LOG.info("metric source {}: Prometheus", name));
    wiring =
        new Wiring(
            toxiproxies,
            Map.copyOf(servers),
            processes,
            Map.copyOf(pids),
            List.copyOf(metricUrls),
            withHostAgents(
                kubernetes == null
                    ? Agents.injectors(toxiproxies, processes)
                    : Agents.injectors(toxiproxies, processes, kubernetes.injectors())),
            kubernetes == null ? probes : ProbeRunners.of(probes.all(), kubernetes.probes()),
            List.copyOf(alerts));
    EnvironmentSystems.clusters(env)
        .forEach(
            c ->
                LOG.info(
                    "kubernetes cluster {}: namespaces {}", c.name(), c.config().namespaces()));
    return wiring;
  }

  /** These injectors and those of the host faults, each sent to the agent its target names. */
  private Injectors withHostAgents(Injectors injectors) {
    if (agentLease.compareTo(agents.pollWait().multipliedBy(2)) < 0) {
      // Every poll answer renews the leases: a lease shorter than two holds could pass between
      // them.
      throw new IllegalStateException(
          "chaos.agents.lease ("
              + agentLease.toMillis()
              + " ms) must be at least twice chaos.agents.wait ("
              + agents.pollWait().toMillis()
              + " ms)");
    }
    return Injectors.of(
        injectors.all(),
        AgentInjector.forEveryHostKind(Catalog.standard(), agents, agentLease, agentAnswerTimeout));
  }

  /**
   * With a Prometheus named {@value MetricSources#DEFAULT}, the demo's probes go through PromQL on
   * it, which must scrape the demo: its metrics endpoint is then not the default source as well.
   */
  private void demoThroughPrometheus(Map<String, MetricSource> prometheus, List<URI> metricUrls) {
    RunningDemo running = demo;
    if (running == null || !prometheus.containsKey(MetricSources.DEFAULT)) {
      return;
    }
    metricUrls.remove(running.metricsUrl());
    LOG.info(
        "demo metrics through PromQL on Prometheus {}, which must scrape {} (target {}:{},"
            + " metrics_path {}; see deploy/prometheus/demo-prometheus.yml)",
        MetricSources.DEFAULT,
        running.metricsUrl(),
        running.metricsUrl().getHost(),
        running.metricsUrl().getPort(),
        running.metricsUrl().getPath());
  }

  /**
   * The reverters of leftover faults: Kubernetes records through the environment's clusters (each
   * record on the cluster that made it), or the default kubeconfig without one, connected only if a
   * record needs it. Close them when done.
   */
  public Reverters reverters() {
    return reverters(environment());
  }

  /**
   * As {@link #reverters()}, for this environment: what the early recovery uses before the server
   * boots (no CDI then).
   */
  public static Reverters reverters(Environment env) {
    if (EnvironmentSystems.clusters(env).isEmpty()) {
      return Agents.reverters();
    }
    return Agents.reverters(
        KubernetesClusters.connectingOnFirstRecord(
            () -> EnvironmentSystems.kubernetes(env, Clock.systemUTC()).orElseThrow()));
  }

  /**
   * The environment file's systems, or none: read once, so that recovery and halt-all never depend
   * on a file someone may be editing during the game day (the server checked it before booting).
   */
  private synchronized Environment environment() {
    if (environment == null) {
      environment = readEnvironment();
    }
    return environment;
  }

  private Environment readEnvironment() {
    if (environmentFile.isEmpty()) {
      return Environment.empty(Path.of("").toAbsolutePath());
    }
    EnvironmentReader.Result read = new EnvironmentReader().read(environmentFile.get());
    if (!read.ok()) {
      throw new IllegalStateException(
          "the environment file has problems:\n"
              + String.join("\n", read.problems().stream().map(Object::toString).toList()));
    }
    return read.environment().orElseThrow();
  }

  private void startDemo(
      Map<String, String> servers,
      LocalProcesses processes,
      Map<String, Long> pids,
      List<URI> metricUrls)
      throws IOException {
    if (servers.containsKey(ToxiproxyServer.DEFAULT)) {
      throw new IllegalStateException(
          "the environment names a toxiproxy server 'default', which is the demo's; rename it");
    }
    // Its customers arrive once the server serves (RunningDemo.startTraffic, called by the
    // server): their bookings would take the CPU the rest of the start needs.
    TrafficStart traffic = TrafficStart.WHEN_ASKED;
    demo =
        demoOwnProcess
            ? DemoProcess.start(demoTraffic, demoProxyPort, demoOpsPort, demoMetricsPort, traffic)
            : DemoSystem.start(demoTraffic, demoProxyPort, demoOpsPort, demoMetricsPort, traffic);
    servers.put(ToxiproxyServer.DEFAULT, demo.toxiproxyUrl().toString());
    processes.register("inventory", demo.processes().find(inventoryTarget()));
    long inventoryPid = demo.inventoryPid();
    pids.put("inventory", inventoryPid);
    metricUrls.add(demo.metricsUrl());
    LOG.info(
        "demo pre-production ({}): booking {}, metrics {}, fault proxy API {}, ops console {},"
            + " inventory pid {}",
        demo instanceof DemoProcess p ? "its own process, pid " + p.pid() : "in this JVM",
        demo.bookingUrl(),
        demo.metricsUrl(),
        demo.toxiproxyUrl(),
        demo.opsUrl().resolve("/ops"),
        inventoryPid);
  }

  /** The command-line shortcuts ({@code --toxiproxy}, {@code --process}, {@code --prometheus}). */
  private void addShortcuts(
      Map<String, String> servers,
      LocalProcesses processes,
      Map<String, Long> pids,
      Map<String, MetricSource> prometheus) {
    for (String name : config.getPropertyNames()) {
      if (name.startsWith(TOXIPROXY)) {
        String server = unquote(name.substring(TOXIPROXY.length()));
        if (servers.containsKey(server)) {
          throw new IllegalStateException(
              "toxiproxy server "
                  + server
                  + " is configured twice (in the environment file, or is it the demo's?)");
        }
        servers.put(server, config.getValue(name, String.class));
      } else if (name.startsWith(PROCESS)) {
        String process = unquote(name.substring(PROCESS.length()));
        long pid = config.getValue(name, Long.class);
        processes.register(process, LocalProcess.ofPid(pid));
        pids.put(process, pid);
      } else if (name.startsWith(PROMETHEUS)) {
        addPrometheus(
            unquote(name.substring(PROMETHEUS.length())),
            config.getValue(name, URI.class),
            prometheus);
      }
    }
  }

  private void addPrometheus(String name, URI url, Map<String, MetricSource> prometheus) {
    if (prometheus.containsKey(name)) {
      throw new IllegalStateException(
          "Prometheus server " + name + " is configured twice (in the environment file?)");
    }
    try {
      prometheus.put(
          name, PromQlSource.of(url, Optional.empty(), Optional.empty(), prometheusTimeout));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(PROMETHEUS + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * The alerts of the Prometheus servers given on the command line ({@code --prometheus}), whose
   * evaluation interval the server does not know: the common 15 s is assumed.
   */
  private static List<AlertWatch> shortcutAlerts(
      Map<String, MetricSource> prometheus, Environment env) {
    List<AlertWatch> alerts = new ArrayList<>();
    prometheus.forEach(
        (name, source) -> {
          if (!env.prometheus().containsKey(name) && source instanceof PromQlSource promQl) {
            alerts.add(promQl.alerts(name, PrometheusAlerts.DEFAULT_EVALUATION_INTERVAL));
          }
        });
    return alerts;
  }

  public Wiring wiring() {
    if (wiring == null) {
      throw new IllegalStateException("the targets are not wired yet");
    }
    return wiring;
  }

  public Optional<RunningDemo> demo() {
    return Optional.ofNullable(demo);
  }

  private static org.daysofchaos.core.Target inventoryTarget() {
    return new org.daysofchaos.core.Target("inventory", new ProcessTarget("inventory"));
  }

  private static String unquote(String name) {
    return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
        ? name.substring(1, name.length() - 1)
        : name;
  }

  @Override
  public synchronized void close() {
    if (kubernetes != null) {
      kubernetes.close();
      kubernetes = null;
    }
    if (demo != null) {
      demo.close();
      demo = null;
    }
  }
}
