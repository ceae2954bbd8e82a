package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.ProbeRunner;

/** The Kubernetes faults and probes on the cluster of one client, each as one list. */
public final class KubernetesBackend {
  private KubernetesBackend() {}

  /** An injector for every Kubernetes fault kind. */
  public static List<FaultInjector<?>> injectors(KubernetesClient client) {
    return new KubernetesInjector(client).injectors();
  }

  /**
   * The reverter of this backend's ledger records, through this client, or through the default
   * kubeconfig (connected on first use) when the client is null.
   */
  public static KubernetesReverter reverter(KubernetesClient client) {
    return client == null
        ? KubernetesReverter.onDefaultKubeconfig()
        : new KubernetesReverter(client);
  }

  /** A runner for every Kubernetes probe kind. */
  public static List<ProbeRunner<?>> probes(KubernetesClient client, Clock clock) {
    return List.of(
        new PodsReadyRunner(client),
        new AvailableReplicasRunner(client),
        new RestartsRunner(client, clock));
  }
}
