package org.daysofchaos.experiments.kubernetes;

import com.google.auto.service.AutoService;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.NotBlank;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.core.spec.SpecException;

/**
 * Holds while the pods of a selector are quiet: at most {@code max} of their containers restarted
 * within the last {@code within} (Kubernetes keeps only the time of a container's last restart, so
 * a container counts once however often it restarted). The observation also names the pods' recent
 * warning events (BackOff, Unhealthy, ...), so a gate that fails says why.
 */
@AutoService(ProbeSpec.class)
@Kind(
    value = "kubernetes/restarts",
    doc =
        "Holds while at most max containers of a selector's pods restarted within the last"
            + " window.")
public record Restarts(
    @Doc("The namespace of the pods.") String namespace,
    @Doc("A label selector as kubectl writes it, e.g. app=checkout.") String selector,
    @Doc("How far back to look, e.g. 10m.") @Default("10m") Duration within,
    @Doc("How many restarted containers are still fine.") @Default("0") @Range(min = 0) int max,
    @NotBlank
        @Doc("The cluster, by its name in the environment file; needed only when it names several.")
        Optional<String> cluster)
    implements ProbeSpec, OnCluster {

  public Restarts {
    cluster = cluster == null ? Optional.empty() : cluster;
    String clusterProblem = cluster.map(KubernetesTarget::clusterProblem).orElse(null);
    if (clusterProblem != null) {
      throw new SpecException("cluster", clusterProblem);
    }
    String problem = KubernetesTarget.namespaceProblem(namespace);
    if (problem != null) {
      throw new SpecException("namespace", problem);
    }
    try {
      KubernetesTarget.parseSelector(selector);
    } catch (IllegalArgumentException e) {
      throw new SpecException("selector", e.getMessage());
    }
    if (within.isZero()) {
      throw new SpecException("within", "must be longer than 0s");
    }
  }

  /** On the only cluster of the run. */
  public Restarts(String namespace, String selector, Duration within, int max) {
    this(namespace, selector, within, max, Optional.empty());
  }

  public Map<String, String> labels() {
    return KubernetesTarget.parseSelector(selector);
  }

  @Override
  public String describe() {
    return "pods "
        + selector
        + " in "
        + namespace
        + ": at most "
        + max
        + (max == 1 ? " container restarted" : " containers restarted")
        + " in the last "
        + Durations.format(within);
  }
}
