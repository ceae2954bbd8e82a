package org.daysofchaos.agents.kubernetes;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.RolloutRestart;

/**
 * {@code kubernetes/rollout-restart}: stamps the pod template as {@code kubectl rollout restart}
 * does, which replaces every pod; the revert only removes our mark (the stamp stays, as with
 * kubectl).
 */
@AutoService(KubernetesFaultInjector.class)
public final class RolloutRestartInjector extends KubernetesFaultInjector<RolloutRestart> {
  /** The annotation {@code kubectl rollout restart} sets on the pod template. */
  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  public RolloutRestartInjector(KubernetesBackend backend) {
    super(RolloutRestart.class, backend);
  }

  @Override
  Mark apply(
      RolloutRestart fault, Target target, KubernetesTarget where, InjectionContext context) {
    String ns = namespace(where);
    Guard.namespace(client(), target, ns);
    Workload workload = Workload.require(client(), target, where.resource(), ns, where.name());
    Guard.notInjected(target, workload.describe(), workload.object());
    Guard.blastRadius(target, kind(), workload.replicas(), fault.maxPods(), "replace");
    Mark mark = mark(workload.noun(), ns, where.name(), context, Map.of());
    markOn(mark, workload.metadata());
    ObjectMeta template = workload.template().getMetadata();
    if (template == null) {
      template = new ObjectMeta();
      workload.template().setMetadata(template);
    }
    Map<String, String> annotations = new LinkedHashMap<>(Mark.orEmpty(template.getAnnotations()));
    annotations.put(RESTARTED_AT, backend().clock().instant().toString());
    template.setAnnotations(annotations);
    workload.update(client());
    return mark;
  }

  @Override
  void revert(Mark mark) {
    Reverts.revertWorkload(this, mark, w -> {});
  }

  @Override
  Optional<String> residue(Mark mark) {
    return Reverts.workloadResidue(client(), mark, w -> Optional.empty());
  }
}
