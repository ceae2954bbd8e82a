package org.daysofchaos.agents;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.daysofchaos.agents.http.HttpStatusRunner;
import org.daysofchaos.agents.http.ProbeHosts;
import org.daysofchaos.agents.kubernetes.KubernetesBackend;
import org.daysofchaos.agents.kubernetes.KubernetesReverter;
import org.daysofchaos.agents.metrics.MetricSources;
import org.daysofchaos.agents.metrics.MetricThresholdRunner;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.process.ProcessBackend;
import org.daysofchaos.agents.toxiproxy.ToxiproxyBackend;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.MetricSource;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.spi.Reverter;
import org.daysofchaos.core.spi.Reverters;

/**
 * The standard wiring: the injectors and probe runners of every backend, each backend's list as it
 * exports it. A kind is wired by its backend, never here.
 */
public final class Agents {
  private Agents() {}

  /** The network and process faults. */
  public static Injectors injectors(ToxiproxyServers toxiproxies, LocalProcesses processes) {
    return Injectors.of(
        ToxiproxyBackend.injectors(toxiproxies), ProcessBackend.injectors(processes));
  }

  /** The network, process and Kubernetes faults, on the cluster of {@code kubernetes}. */
  public static Injectors injectors(
      ToxiproxyServers toxiproxies, LocalProcesses processes, KubernetesClient kubernetes) {
    return Injectors.of(
        ToxiproxyBackend.injectors(toxiproxies),
        ProcessBackend.injectors(processes),
        KubernetesBackend.injectors(kubernetes));
  }

  /** The network, process and Kubernetes faults, with this Kubernetes backend. */
  public static Injectors injectors(
      ToxiproxyServers toxiproxies, LocalProcesses processes, KubernetesBackend kubernetes) {
    return Injectors.of(
        ToxiproxyBackend.injectors(toxiproxies),
        ProcessBackend.injectors(processes),
        kubernetes.injectors());
  }

  /** The network and process faults, and these Kubernetes injectors (of several clusters). */
  public static Injectors injectors(
      ToxiproxyServers toxiproxies, LocalProcesses processes, List<FaultInjector<?>> kubernetes) {
    return Injectors.of(
        ToxiproxyBackend.injectors(toxiproxies), ProcessBackend.injectors(processes), kubernetes);
  }

  /** The metric, HTTP and proxy probes, with one metric source: the default. */
  public static ProbeRunners probes(MetricSource metrics, ToxiproxyServers toxiproxies) {
    return probes(MetricSources.of(metrics), toxiproxies);
  }

  /** The metric, HTTP and proxy probes, with metric sources by name. */
  public static ProbeRunners probes(MetricSources metrics, ToxiproxyServers toxiproxies) {
    return probes(metrics, toxiproxies, ProbeHosts.anyButLinkLocal());
  }

  /** The metric, HTTP and proxy probes; HTTP probes reach only the hosts {@code hosts} allows. */
  public static ProbeRunners probes(
      MetricSources metrics, ToxiproxyServers toxiproxies, ProbeHosts hosts) {
    return ProbeRunners.of(
        List.of(new MetricThresholdRunner(metrics), HttpStatusRunner.withDefaultClient(hosts)),
        ToxiproxyBackend.probes(toxiproxies));
  }

  /** The probes above, and the Kubernetes probes on the cluster of {@code kubernetes}. */
  public static ProbeRunners probes(
      MetricSource metrics, ToxiproxyServers toxiproxies, KubernetesClient kubernetes) {
    return withKubernetes(probes(metrics, toxiproxies), kubernetes, Clock.systemUTC());
  }

  /** These probe runners and the Kubernetes ones. */
  public static ProbeRunners withKubernetes(
      ProbeRunners probes, KubernetesClient kubernetes, Clock clock) {
    return ProbeRunners.of(probes.all(), KubernetesBackend.probes(kubernetes, clock));
  }

  /**
   * The reverters of every backend, for faults left behind by a crash; Kubernetes records are
   * reverted through the default kubeconfig, connected only if one needs it. Close it when done.
   */
  public static Reverters reverters() {
    return reverters((KubernetesClient) null);
  }

  /**
   * As {@link #reverters()}, with Kubernetes records reverted through this client (if not null).
   */
  public static Reverters reverters(KubernetesClient kubernetes) {
    return Reverters.of(
        List.of(
            ToxiproxyBackend.reverter(),
            ProcessBackend.reverter(),
            KubernetesBackend.reverter(kubernetes)));
  }

  /** As {@link #reverters()}, with Kubernetes records reverted by {@code kubernetes}. */
  public static Reverters reverters(Reverter kubernetes) {
    return Reverters.of(
        List.of(ToxiproxyBackend.reverter(), ProcessBackend.reverter(), kubernetes));
  }

  /**
   * As {@link #reverters()}, with Kubernetes records reverted through a client of {@code
   * kubernetes}, connected only if a record needs it and closed with the reverters.
   */
  public static Reverters reverters(Supplier<KubernetesClient> kubernetes) {
    return Reverters.of(
        List.of(
            ToxiproxyBackend.reverter(),
            ProcessBackend.reverter(),
            KubernetesReverter.connectingTo(kubernetes)));
  }
}
