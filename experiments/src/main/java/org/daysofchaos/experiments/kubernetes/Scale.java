package org.daysofchaos.experiments.kubernetes;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget.Resource;

/** Scales a workload down; the revert restores the replica count it had before. */
@AutoService(FaultSpec.class)
@Kind(
    value = "kubernetes/scale",
    targets = KubernetesTarget.class,
    doc = "Scales a deployment or statefulset down; the revert restores its original replicas.")
@Resources({Resource.DEPLOYMENT, Resource.STATEFULSET})
public record Scale(
    @Doc("The target (a deployment or a statefulset) to scale down.") String target,
    @Doc("The replica count during the fault, below the current one.") @Default("0") @Range(min = 0)
        int replicas,
    @Doc(
            "The most pods the scale-down may remove (current replicas minus replicas); the"
                + " injection is refused above it.")
        @Range(min = 1)
        int maxPods)
    implements FaultSpec {

  @Override
  public String describe() {
    return "scale down to "
        + replicas
        + (replicas == 1 ? " replica" : " replicas")
        + " (removes at most "
        + maxPods
        + " pods)";
  }
}
