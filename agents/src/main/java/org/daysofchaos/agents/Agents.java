package org.daysofchaos.agents;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import org.daysofchaos.agents.http.HttpStatusRunner;
import org.daysofchaos.agents.kubernetes.AvailableReplicasRunner;
import org.daysofchaos.agents.kubernetes.KubernetesInjector;
import org.daysofchaos.agents.kubernetes.PodsReadyRunner;
import org.daysofchaos.agents.kubernetes.RestartsRunner;
import org.daysofchaos.agents.metrics.MetricThresholdRunner;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.process.ProcessInjector;
import org.daysofchaos.agents.toxiproxy.ProxyStateRunner;
import org.daysofchaos.agents.toxiproxy.ToxiproxyInjector;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.MetricSource;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.experiments.faults.NetworkBandwidth;
import org.daysofchaos.experiments.faults.NetworkDown;
import org.daysofchaos.experiments.faults.NetworkLatency;
import org.daysofchaos.experiments.faults.NetworkLimitData;
import org.daysofchaos.experiments.faults.NetworkResetPeer;
import org.daysofchaos.experiments.faults.NetworkSlicer;
import org.daysofchaos.experiments.faults.NetworkSlowClose;
import org.daysofchaos.experiments.faults.NetworkTimeout;
import org.daysofchaos.experiments.faults.ProcessKill;
import org.daysofchaos.experiments.faults.ProcessPause;
import org.daysofchaos.experiments.kubernetes.AvailableReplicas;
import org.daysofchaos.experiments.kubernetes.ConfigChange;
import org.daysofchaos.experiments.kubernetes.EnvChange;
import org.daysofchaos.experiments.kubernetes.NodeCordon;
import org.daysofchaos.experiments.kubernetes.Partition;
import org.daysofchaos.experiments.kubernetes.PodKill;
import org.daysofchaos.experiments.kubernetes.PodsReady;
import org.daysofchaos.experiments.kubernetes.Restarts;
import org.daysofchaos.experiments.kubernetes.RolloutRestart;
import org.daysofchaos.experiments.kubernetes.Scale;
import org.daysofchaos.experiments.probes.HttpStatus;
import org.daysofchaos.experiments.probes.MetricThreshold;
import org.daysofchaos.experiments.probes.ProxyState;

/** Wires every standard kind of the catalog to the agent that handles it. */
public final class Agents {
  private Agents() {}

  public static Injectors injectors(ToxiproxyServers toxiproxies, LocalProcesses processes) {
    ToxiproxyInjector network = new ToxiproxyInjector(toxiproxies);
    ProcessInjector process = new ProcessInjector(processes);
    return Injectors.create()
        .with(NetworkLatency.class, network)
        .with(NetworkDown.class, network)
        .with(NetworkResetPeer.class, network)
        .with(NetworkBandwidth.class, network)
        .with(NetworkTimeout.class, network)
        .with(NetworkSlowClose.class, network)
        .with(NetworkSlicer.class, network)
        .with(NetworkLimitData.class, network)
        .with(ProcessPause.class, process)
        .with(ProcessKill.class, process);
  }

  public static ProbeRunners probes(MetricSource metrics, ToxiproxyServers toxiproxies) {
    return ProbeRunners.create()
        .with(MetricThreshold.class, new MetricThresholdRunner(metrics))
        .with(HttpStatus.class, HttpStatusRunner.withDefaultClient())
        .with(ProxyState.class, new ProxyStateRunner(toxiproxies));
  }

  /** The injectors above, and the Kubernetes kinds on the cluster of {@code kubernetes}. */
  public static Injectors injectors(
      ToxiproxyServers toxiproxies, LocalProcesses processes, KubernetesClient kubernetes) {
    return withKubernetes(injectors(toxiproxies, processes), new KubernetesInjector(kubernetes));
  }

  /** Registers a Kubernetes injector for every Kubernetes fault kind. */
  public static Injectors withKubernetes(Injectors injectors, KubernetesInjector kubernetes) {
    return injectors
        .with(PodKill.class, kubernetes)
        .with(Scale.class, kubernetes)
        .with(RolloutRestart.class, kubernetes)
        .with(Partition.class, kubernetes)
        .with(NodeCordon.class, kubernetes)
        .with(ConfigChange.class, kubernetes)
        .with(EnvChange.class, kubernetes);
  }

  /** The probe runners above, and the Kubernetes probes on the cluster of {@code kubernetes}. */
  public static ProbeRunners probes(
      MetricSource metrics, ToxiproxyServers toxiproxies, KubernetesClient kubernetes) {
    return withKubernetes(probes(metrics, toxiproxies), kubernetes, Clock.systemUTC());
  }

  /** Registers the Kubernetes probe runners. */
  public static ProbeRunners withKubernetes(
      ProbeRunners probes, KubernetesClient kubernetes, Clock clock) {
    return probes
        .with(PodsReady.class, new PodsReadyRunner(kubernetes))
        .with(AvailableReplicas.class, new AvailableReplicasRunner(kubernetes))
        .with(Restarts.class, new RestartsRunner(kubernetes, clock));
  }
}
