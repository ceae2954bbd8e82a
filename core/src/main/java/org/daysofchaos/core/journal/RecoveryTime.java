package org.daysofchaos.core.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.Mode;

/**
 * How long a recovery took, counted from the moment that fits the scenario's mode
 * (docs/measurement.md): the one home of the rule that reports, journals and the API follow.
 *
 * <ul>
 *   <li>Time-boxed: the fault ends by itself, so what the system shows is how fast it heals once
 *       the fault is gone: from the end of the fault to the recovery ({@link Kind#SELF_HEALING}).
 *   <li>Until fixed: the fault stays until a team's fix brings the steady state back, so what
 *       counts is the teams' time to restore: from the injection to the recovery ({@link
 *       Kind#TIME_TO_RESTORE}).
 * </ul>
 *
 * <p>The recovery moment is the run loop's: the first instant of the stretch in which the steady
 * state held for {@code holdFor} (not the moment {@code holdFor} elapsed).
 *
 * @param kind which of the two it is
 * @param from the moment it counts from: the end of the fault, or the injection ({@code t_inj})
 * @param at the recovery moment
 * @param took {@code at − from}; zero when a time-boxed fault's system recovered while the fault
 *     was still in place
 * @param resolution the true recovery moment lies within this much before {@code at}
 */
public record RecoveryTime(
    Kind kind, Instant from, Instant at, Duration took, Duration resolution) {

  /** What a recovery time measures. */
  public enum Kind {
    /** Time-boxed: from the end of the fault to the recovery. */
    SELF_HEALING("self-healing after the fault ended", "after the fault ended", "time-boxed"),
    /** Until fixed: from the injection to the recovery, i.e. to the fix. */
    TIME_TO_RESTORE("time to restore", "after the injection", "until-fixed");

    private final String label;
    private final String counted;
    private final String mode;

    Kind(String label, String counted, String mode) {
      this.label = label;
      this.counted = counted;
      this.mode = mode;
    }

    /** "self-healing after the fault ended", "time to restore". */
    public String label() {
      return label;
    }

    /** "after the fault ended", "after the injection": where the time counts from. */
    public String counted() {
      return counted;
    }

    /** "time-boxed", "until-fixed": the mode it applies to. */
    public String mode() {
      return mode;
    }

    /** The kind that applies to a scenario's mode. */
    public static Kind of(Mode mode) {
      return mode == Mode.UNTIL_FIXED ? TIME_TO_RESTORE : SELF_HEALING;
    }
  }

  public RecoveryTime {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(took, "took");
    resolution = resolution == null ? Duration.ZERO : resolution;
  }

  /**
   * The recovery time of an incident, or empty when there is none to count:
   *
   * <ul>
   *   <li>time-boxed, while the fault is still in place: its end is not known yet;
   *   <li>until fixed, when the steady state came back only after the fault had ended (the safety
   *       bound or the game master ended it): nobody's fix restored it.
   * </ul>
   *
   * @param recoveredAt the recovery moment (see the class comment)
   */
  public static Optional<RecoveryTime> of(
      Mode mode,
      Instant injectedAt,
      Optional<Instant> faultEndedAt,
      Instant recoveredAt,
      Duration resolution) {
    if (mode == Mode.UNTIL_FIXED) {
      if (faultEndedAt.isPresent() && recoveredAt.isAfter(faultEndedAt.get())) {
        return Optional.empty();
      }
      return Optional.of(counted(Kind.TIME_TO_RESTORE, injectedAt, recoveredAt, resolution));
    }
    return faultEndedAt.map(end -> counted(Kind.SELF_HEALING, end, recoveredAt, resolution));
  }

  private static RecoveryTime counted(Kind kind, Instant from, Instant at, Duration resolution) {
    Duration took = Duration.between(from, at);
    return new RecoveryTime(kind, from, at, took.isNegative() ? Duration.ZERO : took, resolution);
  }

  /** A time-boxed fault's system that was back before the fault ended (failover, retries). */
  public boolean beforeTheFaultEnded() {
    return kind == Kind.SELF_HEALING && !at.isAfter(from);
  }

  /**
   * For journals and the command line: "self-healing after the fault ended: 1.000 s (± 1s)", "time
   * to restore: 720.000 s (± 1s) after the injection".
   */
  public String describe() {
    String figure =
        Durations.seconds(took)
            + (resolution.isZero() ? "" : " (± " + Durations.format(resolution) + ")");
    if (beforeTheFaultEnded()) {
      return kind.label() + ": 0 s, the steady state was back before the fault ended";
    }
    return kind == Kind.SELF_HEALING
        ? kind.label() + ": " + figure
        : kind.label() + ": " + figure + " " + kind.counted();
  }
}
