package org.daysofchaos.experiments.kubernetes;

import com.google.auto.service.AutoService;
import java.util.Optional;
import java.util.regex.Pattern;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.core.spec.SpecException;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget.Resource;

/**
 * The bad configuration of a game day, as a deployment would ship it: sets an environment variable
 * of a container of a workload's pod template, which rolls the pods out; the revert restores the
 * exact previous definition (value or valueFrom, or no variable), which rolls them out again.
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "kubernetes/env-change",
    targets = KubernetesTarget.class,
    doc =
        "Sets an environment variable of a workload's containers (a rollout); the revert restores"
            + " the exact previous definition.")
@Resources({Resource.DEPLOYMENT, Resource.STATEFULSET})
public record EnvChange(
    @Doc("The target (a deployment or a statefulset) to change.") String target,
    @Doc("The environment variable to set.") String name,
    @Doc("Its value during the fault.") String value,
    @Doc("The container to change; may be left out when the pod has only one.")
        Optional<String> container,
    @Doc(
            "The most pods the rollout may replace (the workload's replicas); the injection is"
                + " refused above it.")
        @Range(min = 1)
        int maxPods)
    implements FaultSpec {

  private static final Pattern NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  public EnvChange {
    if (!NAME.matcher(name).matches()) {
      throw new SpecException(
          "name",
          "'"
              + name
              + "' is not an environment variable name; use letters, digits, '_', '-' and '.',"
              + " not starting with a digit");
    }
  }

  @Override
  public String describe() {
    return "set "
        + name
        + "="
        + Quoting.shorten(value)
        + container.map(c -> " in container " + c).orElse("")
        + " (rolls out at most "
        + maxPods
        + " pods)";
  }
}
