package org.daysofchaos.experiments.kubernetes;

import com.google.auto.service.AutoService;
import java.time.Duration;
import java.util.Optional;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.core.spec.SpecException;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget.Resource;

/**
 * Deletes running pods of a selector or a workload; their controller starts new ones. Nothing is
 * left to revert, and the selection never exceeds {@code maxPods}.
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "kubernetes/pod-kill",
    targets = KubernetesTarget.class,
    doc = "Kills running pods of a selector or a workload: one, all, a count or a percentage.")
@Resources({Resource.PODS, Resource.DEPLOYMENT, Resource.STATEFULSET})
public record PodKill(
    @Doc("The target (pods by selector, a deployment or a statefulset) whose pods are killed.")
        String target,
    @Doc(
            "The most pods this fault may kill (its blast radius); the injection is refused when"
                + " the selection would exceed it.")
        @Range(min = 1)
        int maxPods,
    @Doc("Which pods: one, all, count (give count) or percent (give percent), chosen at random.")
        @Default("one")
        PodSelection mode,
    @Doc("How many pods, with mode count.") @Default("") @Range(min = 1) Integer count,
    @Doc("Share of the running pods, rounded up, with mode percent.")
        @Default("")
        @Range(min = 1, max = 100)
        Integer percent,
    @Doc("Time the pods get to stop (0s kills at once); the pod's own grace period if absent.")
        Optional<Duration> gracePeriod)
    implements FaultSpec {

  public PodKill {
    if (mode == PodSelection.COUNT && count == null) {
      throw new SpecException("count", "is required with mode count");
    }
    if (mode != PodSelection.COUNT && count != null) {
      throw new SpecException("count", "only applies to mode count, not " + name(mode));
    }
    if (mode == PodSelection.PERCENT && percent == null) {
      throw new SpecException("percent", "is required with mode percent");
    }
    if (mode != PodSelection.PERCENT && percent != null) {
      throw new SpecException("percent", "only applies to mode percent, not " + name(mode));
    }
    if (count != null && count > maxPods) {
      throw new SpecException("count", "must not exceed maxPods (" + maxPods + ")");
    }
  }

  /** How many of {@code running} pods this fault picks (it may exceed maxPods: then refuse). */
  public int selectionSize(int running) {
    return switch (mode) {
      case ONE -> Math.min(1, running);
      case ALL -> running;
      case COUNT -> Math.min(count, running);
      case PERCENT -> (int) Math.ceil(running * percent / 100.0);
    };
  }

  private static String name(PodSelection mode) {
    return mode.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String describe() {
    String which =
        switch (mode) {
          case ONE -> "one pod";
          case ALL -> "all pods";
          case COUNT -> count + (count == 1 ? " pod" : " pods");
          case PERCENT -> percent + "% of the pods";
        };
    return "kill "
        + which
        + " (at most "
        + maxPods
        + ")"
        + gracePeriod.map(g -> ", grace period " + Durations.format(g)).orElse("");
  }
}
