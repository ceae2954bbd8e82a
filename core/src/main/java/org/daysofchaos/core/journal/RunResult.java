package org.daysofchaos.core.journal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.Mode;

/**
 * What a run established, derived from its journal.
 *
 * @param mode the scenario's mode; empty in journals written before it was recorded
 * @param injectedAt when the last fault took effect ({@code t_inj}); empty if nothing was injected
 * @param detection the first detection signal that held, measured from {@code t_inj}
 * @param faultEndedAt when every injection had been reverted
 * @param recovery the first instant from which the steady state held for {@code holdFor} after it
 *     had deviated, measured from {@code t_inj}; empty if it never deviated or never came back. How
 *     long the recovery took, counted as the mode asks, is {@link #recoveryTime()}
 * @param deviated whether the steady state ever failed after injection
 * @param reason why the run ended as it did, in words
 */
// recoveryTime is derived: written for readers, not read back.
@JsonIgnoreProperties(
    value = {"recoveryTime"},
    allowGetters = true)
public record RunResult(
    String runId,
    String scenarioId,
    String scenarioTitle,
    Optional<Mode> mode,
    Verdict verdict,
    String reason,
    Instant startedAt,
    Optional<Instant> injectedAt,
    Optional<Measurement> detection,
    Optional<Instant> faultEndedAt,
    Optional<Measurement> recovery,
    boolean deviated,
    List<JournalEvent> events) {

  public RunResult {
    mode = mode == null ? Optional.empty() : mode;
    injectedAt = injectedAt == null ? Optional.empty() : injectedAt;
    detection = detection == null ? Optional.empty() : detection;
    faultEndedAt = faultEndedAt == null ? Optional.empty() : faultEndedAt;
    recovery = recovery == null ? Optional.empty() : recovery;
    events = List.copyOf(events);
  }

  /**
   * How long the recovery took, counted as the mode asks ({@link RecoveryTime#of}): after the end
   * of a time-boxed fault, after the injection of an until-fixed one. Empty without a recovery to
   * count, and for a journal that does not record its mode (the report then takes the mode from the
   * scenario).
   */
  @JsonProperty
  public Optional<RecoveryTime> recoveryTime() {
    if (mode.isEmpty() || injectedAt.isEmpty() || recovery.isEmpty()) {
      return Optional.empty();
    }
    Measurement r = recovery.get();
    return RecoveryTime.of(
        mode.get(), injectedAt.get(), faultEndedAt, r.reported(), r.reportedResolution());
  }

  /** The journal summary a person reads at the end of a run. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(scenarioId).append(" — ").append(scenarioTitle).append('\n');
    if (injectedAt.isEmpty()) {
      sb.append("  nothing was injected\n");
    } else {
      Instant t0 = injectedAt.get();
      sb.append("  fault injected at ").append(t0).append('\n');
      sb.append("  detected: ")
          .append(detection.map(d -> "after " + d.describe() + " by " + d.source()).orElse("no"))
          .append('\n');
      faultEndedAt.ifPresent(
          end ->
              sb.append("  fault reverted after ")
                  .append(Durations.seconds(Duration.between(t0, end)))
                  .append('\n'));
      sb.append("  recovered: ").append(recoveryText()).append('\n');
    }
    sb.append("  verdict: ").append(verdict).append(" — ").append(reason).append('\n');
    return sb.toString();
  }

  private String recoveryText() {
    if (recovery.isEmpty()) {
      return deviated ? "no" : "the steady state never deviated";
    }
    Measurement r = recovery.get();
    String held = " (" + r.source() + "; back " + r.describe() + " after the injection)";
    return recoveryTime()
        .map(t -> t.describe() + " [" + t.kind().mode() + "]" + held)
        .or(() -> mode.filter(m -> m == Mode.UNTIL_FIXED).map(m -> notRestored(r)))
        .orElse("after " + r.describe() + " (" + r.source() + ")");
  }

  /** An until-fixed run whose steady state came back only after the fault was ended. */
  private String notRestored(Measurement r) {
    return "not by a fix: the steady state came back only after the fault had ended, "
        + r.describe()
        + " after the injection [until-fixed; no time to restore]";
  }
}
