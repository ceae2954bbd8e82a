package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.experiments.kubernetes.PodsReady;

/** Evaluates {@code kubernetes/pods-ready}: "2/3 pods ready (app=checkout in shop)". */
public final class PodsReadyRunner implements ProbeRunner<PodsReady> {
  private final KubernetesClient client;

  public PodsReadyRunner(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Class<PodsReady> probeType() {
    return PodsReady.class;
  }

  @Override
  public Observation observe(PodsReady probe) {
    List<Pod> pods =
        Pods.matching(client, probe.namespace(), probe.labels()).stream()
            .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
            .toList();
    long ready = pods.stream().filter(Pods::ready).count();
    String detail =
        ready
            + "/"
            + pods.size()
            + " pods ready ("
            + probe.selector()
            + " in "
            + probe.namespace()
            + ")";
    boolean holds =
        probe.minReady() == null
            ? !pods.isEmpty() && ready == pods.size()
            : ready >= probe.minReady();
    return holds ? Observation.holds(detail) : Observation.fails(detail);
  }
}
