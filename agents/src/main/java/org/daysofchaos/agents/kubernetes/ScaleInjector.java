package org.daysofchaos.agents.kubernetes;

import com.google.auto.service.AutoService;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.Scale;

/** {@code kubernetes/scale}: scales a workload down; the revert restores its replica count. */
@AutoService(KubernetesFaultInjector.class)
public final class ScaleInjector extends KubernetesFaultInjector<Scale> {
  private static final String ORIGINAL = "originalReplicas";

  public ScaleInjector(KubernetesBackend backend) {
    super(Scale.class, backend);
  }

  @Override
  Map<String, String> originals() {
    return Map.of(ORIGINAL, Annotations.ORIGINAL_REPLICAS);
  }

  @Override
  Mark apply(Scale fault, Target target, KubernetesTarget where, InjectionContext context) {
    String ns = namespace(where);
    Guard.namespace(client(), target, ns);
    Workload workload = Workload.require(client(), target, where.resource(), ns, where.name());
    Guard.notInjected(target, workload.describe(), workload.object());
    int current = workload.replicas();
    if (fault.replicas() >= current) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": "
              + workload.describe()
              + " has "
              + current
              + " replicas; scaling it to "
              + fault.replicas()
              + " would not scale it down");
    }
    Guard.blastRadius(target, kind(), current - fault.replicas(), fault.maxPods(), "remove");
    Mark mark =
        mark(
            workload.noun(),
            ns,
            where.name(),
            context,
            Map.of(ORIGINAL, Integer.toString(current)));
    markOn(mark, workload.metadata());
    workload.setReplicas(fault.replicas());
    workload.update(client());
    return mark;
  }

  @Override
  void revert(Mark mark) {
    Reverts.revertWorkload(this, mark, w -> w.setReplicas(original(mark)));
  }

  @Override
  Optional<String> residue(Mark mark) {
    return Reverts.workloadResidue(
        client(),
        mark,
        w ->
            w.replicas() == original(mark)
                ? Optional.empty()
                : Optional.of(
                    mark.object()
                        + " has "
                        + w.replicas()
                        + " replicas, not the original "
                        + original(mark)));
  }

  private static int original(Mark mark) {
    return Integer.parseInt(Reverts.required(mark, ORIGINAL));
  }
}
