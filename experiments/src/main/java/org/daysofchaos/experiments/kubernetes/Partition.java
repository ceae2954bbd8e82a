package org.daysofchaos.experiments.kubernetes;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget.Resource;

/**
 * Cuts pods off the network with a deny-all NetworkPolicy of our own; the revert deletes it. The
 * cluster's network plugin must enforce NetworkPolicies.
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "kubernetes/partition",
    targets = KubernetesTarget.class,
    doc = "Isolates the pods of a selector or a workload with a deny-all NetworkPolicy.")
@Resources({Resource.PODS, Resource.DEPLOYMENT, Resource.STATEFULSET})
public record Partition(
    @Doc("The target (pods by selector, a deployment or a statefulset) to isolate.") String target,
    @Doc("Which traffic is denied: ingress (to the pods), egress (from them) or both.")
        @Default("both")
        Traffic direction,
    @Doc(
            "The most pods the partition may isolate; the injection is refused when more pods"
                + " match.")
        @Range(min = 1)
        int maxPods)
    implements FaultSpec {

  @Override
  public String describe() {
    String what =
        switch (direction) {
          case INGRESS -> "deny all ingress";
          case EGRESS -> "deny all egress";
          case BOTH -> "deny all ingress and egress";
        };
    return what + " with a NetworkPolicy (isolates at most " + maxPods + " pods)";
  }
}
