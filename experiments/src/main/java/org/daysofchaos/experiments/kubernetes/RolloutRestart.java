package org.daysofchaos.experiments.kubernetes;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget.Resource;

/**
 * Restarts a workload as {@code kubectl rollout restart} does: every pod is replaced, following the
 * workload's update strategy. A restart cannot be undone; the revert removes our annotations.
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "kubernetes/rollout-restart",
    targets = KubernetesTarget.class,
    doc = "Restarts every pod of a deployment or statefulset, as kubectl rollout restart does.")
@Resources({Resource.DEPLOYMENT, Resource.STATEFULSET})
public record RolloutRestart(
    @Doc("The target (a deployment or a statefulset) to restart.") String target,
    @Doc(
            "The most pods the restart may replace (the workload's replicas); the injection is"
                + " refused above it.")
        @Range(min = 1)
        int maxPods)
    implements FaultSpec {

  @Override
  public String describe() {
    return "rollout restart (replaces at most " + maxPods + " pods)";
  }
}
