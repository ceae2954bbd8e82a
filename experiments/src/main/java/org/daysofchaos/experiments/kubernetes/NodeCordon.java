package org.daysofchaos.experiments.kubernetes;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.core.spec.SpecException;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget.Resource;

/**
 * Marks a node unschedulable and, with {@code drain}, evicts its pods (of opted-in namespaces only;
 * DaemonSet and mirror pods stay). The revert makes the node schedulable again.
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "kubernetes/node-cordon",
    targets = KubernetesTarget.class,
    doc = "Cordons a node (no new pods) and, with drain, evicts its pods; the revert uncordons it.")
@Resources(Resource.NODE)
public record NodeCordon(
    @Doc("The target (a node) to cordon.") String target,
    @Doc("Also evict the node's pods, as kubectl drain does (PodDisruptionBudgets apply).")
        @Default("false")
        boolean drain,
    @Doc(
            "With drain: the most pods it may evict; the injection is refused when the node runs"
                + " more.")
        @Default("")
        @Range(min = 1)
        Integer maxPods)
    implements FaultSpec {

  public NodeCordon {
    if (drain && maxPods == null) {
      throw new SpecException(
          "maxPods", "is required with drain: true (the most pods the drain may evict)");
    }
  }

  @Override
  public String describe() {
    return drain ? "cordon and drain (evicts at most " + maxPods + " pods)" : "cordon";
  }
}
