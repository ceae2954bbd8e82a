package org.daysofchaos.experiments.kubernetes;

import com.google.auto.service.AutoService;
import java.util.Optional;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.core.spec.SpecException;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget.Resource;

/**
 * The classic bad release: a workload rolls out an image that cannot be pulled. New pods stay in
 * {@code ImagePullBackOff} while the old ones keep serving, until someone rolls back; the revert
 * restores the exact previous image, which rolls out again.
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "kubernetes/bad-rollout",
    targets = KubernetesTarget.class,
    doc =
        "Rolls a workload out with an image that cannot be pulled (a bad release); the revert"
            + " restores the exact previous image.")
@Resources({Resource.DEPLOYMENT, Resource.STATEFULSET})
public record BadRollout(
    @Doc("The target (a deployment or a statefulset) to roll out.") String target,
    @Doc("The image to roll out; by default one that no registry serves.")
        @Default(BadRollout.UNPULLABLE)
        String image,
    @Doc("The container to change; may be left out when the pod has only one.")
        Optional<String> container,
    @Doc(
            "The most pods the rollout may replace (the workload's replicas); the injection is"
                + " refused above it.")
        @Range(min = 1)
        int maxPods)
    implements FaultSpec {

  /** An image no registry serves: {@code .invalid} is reserved and never resolves (RFC 2606). */
  public static final String UNPULLABLE = "registry.invalid/daysofchaos/bad-rollout:does-not-exist";

  public BadRollout {
    if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
      throw new SpecException("image", "'" + image + "' is not an image reference");
    }
  }

  @Override
  public String describe() {
    return "roll out image "
        + image
        + container.map(c -> " in container " + c).orElse("")
        + " (replaces at most "
        + maxPods
        + " pods)";
  }
}
