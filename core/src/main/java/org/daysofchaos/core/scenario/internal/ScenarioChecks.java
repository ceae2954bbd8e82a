package org.daysofchaos.core.scenario.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.KubernetesTarget;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.TargetType;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.Suggest;
import org.yaml.snakeyaml.nodes.Node;

/** The rules of a scenario that need the whole file: timing keys together, target references. */
final class ScenarioChecks {
  private ScenarioChecks() {}

  /** {@code duration} only with time-boxed, and at most {@code maxDuration}. */
  static void timing(Shape.Bound bound, ReadContext ctx) {
    Optional<Duration> duration = bound.get("duration");
    if (duration == null || duration.isEmpty()) {
      return;
    }
    Node at = bound.node("duration");
    if (bound.get("mode") == Mode.UNTIL_FIXED) {
      ctx.problem(
          at,
          "duration",
          "is only allowed with mode time-boxed; an until-fixed fault lasts until the fix works,"
              + " at most maxDuration");
      return;
    }
    Duration max = bound.get("maxDuration");
    if (max != null && duration.get().compareTo(max) > 0) {
      ctx.problem(
          at,
          "duration",
          "must not exceed maxDuration ("
              + Durations.format(max)
              + "), got "
              + Durations.format(duration.get()));
    }
  }

  /** Every fault names a target of the file, of a type (and Kubernetes resource) it takes. */
  static void targetRefs(ScenarioRefs refs, ReadContext ctx) {
    Set<String> names = refs.targetNames;
    if (names == null) {
      return;
    }
    for (ScenarioRefs.TargetRef ref : refs.targetRefs) {
      if (!names.contains(ref.name())) {
        ctx.problem(
            ref.node(),
            ref.field(),
            "no target named "
                + Nodes.quote(ref.name())
                + Suggest.didYouMean(ref.name(), names)
                + (names.isEmpty() ? "" : "; targets: " + String.join(", ", names)));
        continue;
      }
      Target target = refs.targets.get(ref.name());
      if (target != null && !checkType(ref, target, ctx)) {
        continue;
      }
      if (target != null) {
        checkResource(ref, target, ctx);
      }
    }
  }

  /** False after reporting a target of a type the fault does not take. */
  private static boolean checkType(ScenarioRefs.TargetRef ref, Target target, ReadContext ctx) {
    List<TargetType> allowed = Arrays.asList(ref.allowed());
    if (allowed.isEmpty() || allowed.contains(target.type())) {
      return true;
    }
    ctx.problem(
        ref.node(),
        ref.field(),
        ref.kind()
            + " needs a "
            + allowed.stream().map(TargetType::yamlName).collect(Collectors.joining(" or "))
            + " target, but "
            + Nodes.quote(ref.name())
            + " is a "
            + target.type().yamlName());
    return false;
  }

  private static void checkResource(ScenarioRefs.TargetRef ref, Target target, ReadContext ctx) {
    List<KubernetesTarget.Resource> resources = Arrays.asList(ref.kubernetes());
    if (target.kubernetes().isEmpty()
        || resources.isEmpty()
        || resources.contains(target.kubernetes().get().resource())) {
      return;
    }
    ctx.problem(
        ref.node(),
        ref.field(),
        ref.kind()
            + " needs a kubernetes target with "
            + resources.stream()
                .map(KubernetesTarget.Resource::yamlKey)
                .collect(Collectors.joining(" or "))
            + ", but "
            + Nodes.quote(ref.name())
            + " has "
            + target.kubernetes().get().resource().yamlKey());
  }
}
