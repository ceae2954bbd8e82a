package org.daysofchaos.core.scenario.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.TargetSpec;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.Suggest;
import org.daysofchaos.core.spec.KindCatalog;
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

  /** Every fault names a target of the file, of a kind it takes and that fits it. */
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
        checkFit(ref, target, ctx);
      }
    }
  }

  /** False after reporting a target of a kind the fault does not take. */
  private static boolean checkType(ScenarioRefs.TargetRef ref, Target target, ReadContext ctx) {
    if (ref.allowed().isEmpty()
        || ref.allowed().stream().anyMatch(t -> t.isInstance(target.spec()))) {
      return true;
    }
    String needs =
        "a "
            + ref.allowed().stream().map(KindCatalog::kindName).collect(Collectors.joining(" or "))
            + " target";
    mismatch(ref, new TargetSpec.Mismatch(needs, "is a " + KindCatalog.kindOf(target.spec())), ctx);
    return false;
  }

  /** A target of the right kind that the fault still cannot act on (a scale on pods). */
  private static void checkFit(ScenarioRefs.TargetRef ref, Target target, ReadContext ctx) {
    target.spec().mismatch(ref.faultType()).ifPresent(m -> mismatch(ref, m, ctx));
  }

  private static void mismatch(
      ScenarioRefs.TargetRef ref, TargetSpec.Mismatch mismatch, ReadContext ctx) {
    ctx.problem(
        ref.node(),
        ref.field(),
        ref.kind()
            + " needs "
            + mismatch.needs()
            + ", but "
            + Nodes.quote(ref.name())
            + " "
            + mismatch.has());
  }
}
