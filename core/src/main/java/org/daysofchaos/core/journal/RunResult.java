package org.daysofchaos.core.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Durations;

/**
 * What a run established, derived from its journal.
 *
 * @param injectedAt when the last fault took effect ({@code t_inj}); empty if nothing was injected
 * @param detection the first detection signal that held, measured from {@code t_inj}
 * @param faultEndedAt when every injection had been reverted
 * @param recovery the first instant from which the steady state held for {@code holdFor} after it
 *     had deviated; empty if it never deviated or never came back
 * @param deviated whether the steady state ever failed after injection
 * @param reason why the run ended as it did, in words
 */
public record RunResult(
    String runId,
    String scenarioId,
    String scenarioTitle,
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
    events = List.copyOf(events);
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
    if (recovery.isPresent()) {
      return "after " + recovery.get().describe() + " (" + recovery.get().source() + ")";
    }
    return deviated ? "no" : "the steady state never deviated";
  }
}
