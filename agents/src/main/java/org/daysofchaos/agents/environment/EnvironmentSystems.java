package org.daysofchaos.agents.environment;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.daysofchaos.agents.kubernetes.KubernetesClients;
import org.daysofchaos.agents.kubernetes.KubernetesClusters;
import org.daysofchaos.agents.metrics.PromQlSource;
import org.daysofchaos.agents.process.LocalProcess;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.process.ProcessFinders;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServer;
import org.daysofchaos.core.spi.AlertWatch;
import org.daysofchaos.core.spi.MetricSource;

/**
 * Turns what an environment names into the systems the backends work with: Toxiproxy servers, local
 * processes, a Kubernetes client. Secrets are revealed here, and only here.
 */
public final class EnvironmentSystems {
  /** How long a process's restart command may take. */
  static final Duration RESTART_TIMEOUT = Duration.ofSeconds(60);

  private EnvironmentSystems() {}

  /** The Toxiproxy servers, by their names in the file. */
  public static List<ToxiproxyServer> toxiproxies(Environment env) {
    List<ToxiproxyServer> servers = new ArrayList<>();
    env.toxiproxy().forEach((name, config) -> servers.add(ToxiproxyServer.of(name, config.uri())));
    return servers;
  }

  /** Registers every process of the environment under its name. */
  public static LocalProcesses registerProcesses(Environment env, LocalProcesses into) {
    env.processes().forEach((name, config) -> into.register(name, process(env.base(), config)));
    return into;
  }

  static LocalProcess process(Path base, ProcessConfig config) {
    LocalProcess found =
        config.pid().isPresent()
            ? LocalProcess.ofPid(config.pid().get())
            : config.pidFile().isPresent()
                ? ProcessFinders.pidFile(base.resolve(config.pidFile().get()))
                : ProcessFinders.commandLine(config.commandPattern().orElseThrow());
    return config.restart().isEmpty()
        ? found
        : ProcessFinders.restartedBy(found, config.restart(), RESTART_TIMEOUT);
  }

  /**
   * The secrets of the environment that cannot be found, one problem each (where it was written,
   * what is wrong; never the secret), and the CA files that cannot be read.
   */
  public static List<String> secretProblems(Environment env, Secrets secrets) {
    List<HttpAccess> servers = new ArrayList<>();
    env.prometheus().values().forEach(p -> servers.add(p.access()));
    env.alertmanager().values().forEach(a -> servers.add(a.access()));
    List<String> problems = new ArrayList<>();
    for (HttpAccess access : servers) {
      try {
        access.authorization(secrets);
        access.client(env.base());
      } catch (SecretException | IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return problems;
  }

  /**
   * A PromQL source for each Prometheus server, by name, with its credential, its CA and its
   * timeout.
   *
   * @throws SecretException when a secret cannot be found
   */
  public static Map<String, MetricSource> prometheus(Environment env) {
    return prometheus(env, Secrets.ofProcess(env.base()));
  }

  /** As {@link #prometheus(Environment)}, with secrets looked up in {@code secrets}. */
  public static Map<String, MetricSource> prometheus(Environment env, Secrets secrets) {
    Map<String, MetricSource> sources = new LinkedHashMap<>();
    env.prometheus()
        .forEach((name, config) -> sources.put(name, promQl(config, secrets, env.base())));
    return sources;
  }

  /**
   * The alerts of each Prometheus server, polled from its alerts API with the same credential, CA
   * and timeout as its queries, and its scrape and evaluation intervals (their lag).
   *
   * @throws SecretException when a secret cannot be found
   */
  public static List<AlertWatch> prometheusAlerts(Environment env) {
    return prometheusAlerts(env, Secrets.ofProcess(env.base()));
  }

  /** As {@link #prometheusAlerts(Environment)}, with secrets looked up in {@code secrets}. */
  public static List<AlertWatch> prometheusAlerts(Environment env, Secrets secrets) {
    List<AlertWatch> watches = new ArrayList<>();
    env.prometheus()
        .forEach(
            (name, config) ->
                watches.add(
                    promQl(config, secrets, env.base()).alerts(name, config.evaluationInterval())));
    return watches;
  }

  static PromQlSource promQl(PrometheusConfig config, Secrets secrets, Path base) {
    HttpAccess access = config.access();
    return new PromQlSource(
            config.uri(),
            config.bearer().map(s -> s.reveal(secrets)),
            config
                .basic()
                .map(b -> new PromQlSource.BasicAuth(b.user(), b.password().reveal(secrets))),
            config.timeout(),
            access.client(base))
        .scrapedEvery(config.scrapeInterval());
  }

  /** A Kubernetes cluster of the environment, with its name. */
  public record Cluster(String name, KubernetesClusterConfig config, Path base) {
    /** A client of the cluster, as kubectl would connect; close it when done. */
    public KubernetesClient connect() {
      if (config.inCluster()) {
        return KubernetesClients.connect(Optional.empty(), Optional.empty());
      }
      return KubernetesClients.connect(config.kubeconfig().map(base::resolve), config.context());
    }
  }

  /** The Kubernetes clusters the environment names, in its order. */
  public static List<Cluster> clusters(Environment env) {
    return env.kubernetes().entrySet().stream()
        .map(e -> new Cluster(e.getKey(), e.getValue(), env.base()))
        .toList();
  }

  /**
   * The environment's clusters, connected (as kubectl would: no request is made yet), or empty when
   * it names none. Close it when done.
   */
  public static Optional<KubernetesClusters> kubernetes(Environment env, Clock clock) {
    List<Cluster> named = clusters(env);
    if (named.isEmpty()) {
      return Optional.empty();
    }
    List<KubernetesClusters.Cluster> connected = new ArrayList<>();
    try {
      for (Cluster c : named) {
        connected.add(
            new KubernetesClusters.Cluster(
                c.name(), c.connect(), Set.copyOf(c.config().namespaces())));
      }
    } catch (RuntimeException e) {
      connected.forEach(c -> c.client().close());
      throw e;
    }
    return Optional.of(KubernetesClusters.of(connected, clock));
  }
}
