package org.daysofchaos.agents.environment;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.kubernetes.KubernetesClusters;
import org.daysofchaos.agents.metrics.MetricSources;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;
import org.daysofchaos.core.spi.AlertWatch;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.ProbeRunners;

/**
 * The injectors and probe runners of everything an environment names, and nothing else: what the
 * live pre-flight asks and what a run breaks. Close it to close the Kubernetes clients it opened.
 */
public final class EnvironmentWiring implements AutoCloseable {
  private final Injectors injectors;
  private final ProbeRunners probes;
  private final KubernetesClusters kubernetes;
  private final List<AlertWatch> alerts;

  private EnvironmentWiring(
      Injectors injectors,
      ProbeRunners probes,
      KubernetesClusters kubernetes,
      List<AlertWatch> alerts) {
    this.injectors = injectors;
    this.probes = probes;
    this.kubernetes = kubernetes;
    this.alerts = List.copyOf(alerts);
  }

  /**
   * Wires an environment; its Kubernetes clusters, if any, are connected now.
   *
   * @throws SecretException when a secret cannot be found
   */
  public static EnvironmentWiring connect(Environment env, Clock clock) {
    ToxiproxyServers toxiproxies = new ToxiproxyServers(EnvironmentSystems.toxiproxies(env));
    LocalProcesses processes = EnvironmentSystems.registerProcesses(env, new LocalProcesses());
    ProbeRunners probes =
        Agents.probes(
            MetricSources.of(env.metrics(), EnvironmentSystems.prometheus(env)),
            toxiproxies,
            env.probeHosts());
    List<AlertWatch> alerts = EnvironmentSystems.prometheusAlerts(env);
    Optional<KubernetesClusters> clusters = EnvironmentSystems.kubernetes(env, clock);
    if (clusters.isEmpty()) {
      return new EnvironmentWiring(Agents.injectors(toxiproxies, processes), probes, null, alerts);
    }
    return new EnvironmentWiring(
        Agents.injectors(toxiproxies, processes, clusters.get().injectors()),
        ProbeRunners.of(probes.all(), clusters.get().probes()),
        clusters.get(),
        alerts);
  }

  public Injectors injectors() {
    return injectors;
  }

  public ProbeRunners probes() {
    return probes;
  }

  /** The alerts of every Prometheus server, polled for the scenarios' {@code detection.alerts}. */
  public List<AlertWatch> alerts() {
    return alerts;
  }

  @Override
  public void close() {
    if (kubernetes != null) {
      kubernetes.close();
    }
  }
}
