package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.experiments.kubernetes.AvailableReplicas;

/** Evaluates {@code kubernetes/available-replicas}: "2/3 replicas available". */
public final class AvailableReplicasRunner implements ProbeRunner<AvailableReplicas> {
  private final KubernetesClient client;

  public AvailableReplicasRunner(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Class<AvailableReplicas> probeType() {
    return AvailableReplicas.class;
  }

  @Override
  public Observation observe(AvailableReplicas probe) {
    Deployment deployment =
        client
            .apps()
            .deployments()
            .inNamespace(probe.namespace())
            .withName(probe.deployment())
            .get();
    if (deployment == null) {
      return Observation.fails(
          "no deployment " + probe.deployment() + " in namespace " + probe.namespace());
    }
    Integer desired = deployment.getSpec().getReplicas();
    int wanted = desired == null ? 1 : desired;
    Integer reported =
        deployment.getStatus() == null ? null : deployment.getStatus().getAvailableReplicas();
    int available = reported == null ? 0 : reported;
    int enough = probe.min() == null ? wanted : probe.min();
    String detail =
        available
            + "/"
            + wanted
            + " replicas available"
            + (probe.min() == null ? "" : " (at least " + probe.min() + " needed)");
    return available >= enough ? Observation.holds(detail) : Observation.fails(detail);
  }
}
