package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.experiments.kubernetes.Restarts;

/**
 * Evaluates {@code kubernetes/restarts}: the containers of the pods that restarted within the
 * window, and the pods' recent warning events as the reason.
 */
public final class RestartsRunner implements ProbeRunner<Restarts> {
  private static final int EVENTS_SHOWN = 3;

  private final KubernetesClient client;
  private final Clock clock;

  public RestartsRunner(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  @Override
  public Class<Restarts> probeType() {
    return Restarts.class;
  }

  @Override
  public Observation observe(Restarts probe) {
    Instant since = clock.instant().minus(probe.within());
    List<Pod> pods = Pods.matching(client, probe.namespace(), probe.labels());
    List<String> restarted = Pods.restartedSince(pods, since);
    List<String> warnings =
        Pods.warnings(
            client,
            probe.namespace(),
            pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet()),
            since,
            EVENTS_SHOWN);
    String detail =
        restarted.size()
            + (restarted.size() == 1 ? " restart" : " restarts")
            + " in the last "
            + Durations.format(probe.within())
            + (restarted.isEmpty() ? "" : " (" + String.join(", ", restarted) + ")")
            + "; warnings: "
            + (warnings.isEmpty() ? "none" : String.join("; ", warnings));
    return restarted.size() <= probe.max() ? Observation.holds(detail) : Observation.fails(detail);
  }
}
