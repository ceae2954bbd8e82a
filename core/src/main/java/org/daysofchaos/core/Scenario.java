package org.daysofchaos.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A preparer's scenario: an experiment bound to concrete targets, with its timing, the steady state
 * that says the system is healthy, the signals that count as detection, the recovery rule, the
 * answer key and the hints.
 *
 * @param duration how long a time-boxed fault lasts; empty means until {@code maxDuration}
 * @param maxDuration the safety bound on any fault of this scenario, always enforced
 */
public record Scenario(
    String id,
    String title,
    String description,
    int weight,
    Mode mode,
    Optional<Duration> duration,
    Duration maxDuration,
    Map<String, Target> targets,
    List<FaultSpec> faults,
    List<ProbeSpec> steadyState,
    Detection detection,
    Recovery recovery,
    Optional<Diagnosis> diagnosis,
    List<Hint> hints,
    List<Guardrail> guardrails) {

  public Scenario {
    // Keep the order the preparer wrote the targets in, for dry runs and reports.
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    faults = List.copyOf(faults);
    steadyState = List.copyOf(steadyState);
    hints = List.copyOf(hints);
    guardrails = List.copyOf(guardrails);
  }

  /** A scenario without guardrails. */
  public Scenario(
      String id,
      String title,
      String description,
      int weight,
      Mode mode,
      Optional<Duration> duration,
      Duration maxDuration,
      Map<String, Target> targets,
      List<FaultSpec> faults,
      List<ProbeSpec> steadyState,
      Detection detection,
      Recovery recovery,
      Optional<Diagnosis> diagnosis,
      List<Hint> hints) {
    this(
        id,
        title,
        description,
        weight,
        mode,
        duration,
        maxDuration,
        targets,
        faults,
        steadyState,
        detection,
        recovery,
        diagnosis,
        hints,
        List.of());
  }

  /** How long the fault stays at most: the duration for time-boxed runs, capped by maxDuration. */
  public Duration faultDeadline() {
    if (mode == Mode.UNTIL_FIXED) {
      return maxDuration;
    }
    return duration.filter(d -> d.compareTo(maxDuration) < 0).orElse(maxDuration);
  }

  public Target target(FaultSpec fault) {
    Target target = targets.get(fault.target());
    if (target == null) {
      throw new IllegalArgumentException(
          "scenario " + id + " has no target named '" + fault.target() + "'");
    }
    return target;
  }

  public Scenario withTiming(Optional<Duration> duration, Duration maxDuration, Recovery recovery) {
    return new Scenario(
        id,
        title,
        description,
        weight,
        mode,
        duration,
        maxDuration,
        targets,
        faults,
        steadyState,
        detection,
        recovery,
        diagnosis,
        hints,
        guardrails);
  }

  /**
   * This scenario with more guardrails after its own, e.g. those of the game day that fires it. The
   * run checks them all alike: at the gate, and while the fault is in effect.
   */
  public Scenario plusGuardrails(List<Guardrail> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Guardrail> all = new ArrayList<>(guardrails);
    all.addAll(more);
    return new Scenario(
        id,
        title,
        description,
        weight,
        mode,
        duration,
        maxDuration,
        targets,
        faults,
        steadyState,
        detection,
        recovery,
        diagnosis,
        hints,
        all);
  }
}
