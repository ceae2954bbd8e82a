package org.daysofchaos.agents.kubernetes;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.Container;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.experiments.kubernetes.BadRollout;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;

/**
 * {@code kubernetes/bad-rollout}: sets the image of a container of a workload's pod template (a
 * rollout that cannot finish when the image cannot be pulled); the revert restores the exact
 * previous image, which rolls out again.
 */
@AutoService(KubernetesFaultInjector.class)
public final class BadRolloutInjector extends KubernetesFaultInjector<BadRollout> {
  /** The container whose image changed. */
  public static final String IMAGE_CONTAINER = Annotations.PREFIX + "image-container";

  /** Its image before the fault, exactly as the pod template said it. */
  public static final String ORIGINAL_IMAGE = Annotations.PREFIX + "original-image";

  private static final String CONTAINER = "container";
  private static final String ORIGINAL = "originalImage";

  public BadRolloutInjector(KubernetesBackend backend) {
    super(BadRollout.class, backend);
  }

  @Override
  Map<String, String> originals() {
    return Map.of(CONTAINER, IMAGE_CONTAINER, ORIGINAL, ORIGINAL_IMAGE);
  }

  @Override
  Mark apply(BadRollout fault, Target target, KubernetesTarget where, InjectionContext context) {
    String ns = namespace(where);
    Guard.namespace(client(), target, ns);
    Workload workload = Workload.require(client(), target, where.resource(), ns, where.name());
    Guard.notInjected(target, workload.describe(), workload.object());
    Guard.blastRadius(target, kind(), workload.replicas(), fault.maxPods(), "replace");
    Container container = Workload.container(target, workload, fault.container());
    if (fault.image().equals(container.getImage())) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": container "
              + container.getName()
              + " of "
              + workload.describe()
              + " already runs image "
              + fault.image()
              + "; a rollout to it would change nothing");
    }
    Mark mark =
        mark(
            workload.noun(),
            ns,
            where.name(),
            context,
            Map.of(CONTAINER, container.getName(), ORIGINAL, container.getImage()));
    markOn(mark, workload.metadata());
    container.setImage(fault.image());
    workload.update(client());
    return mark;
  }

  @Override
  void revert(Mark mark) {
    Reverts.revertWorkload(
        this,
        mark,
        w -> container(w, mark).ifPresent(c -> c.setImage(Reverts.required(mark, ORIGINAL))));
  }

  @Override
  Optional<String> residue(Mark mark) {
    return Reverts.workloadResidue(
        client(),
        mark,
        w ->
            container(w, mark)
                .filter(c -> !Reverts.required(mark, ORIGINAL).equals(c.getImage()))
                .map(
                    c ->
                        mark.object()
                            + ": container "
                            + c.getName()
                            + " runs image "
                            + c.getImage()
                            + ", not the original "
                            + Reverts.required(mark, ORIGINAL)));
  }

  private static Optional<Container> container(Workload workload, Mark mark) {
    return Reverts.container(workload, Reverts.required(mark, CONTAINER));
  }
}
