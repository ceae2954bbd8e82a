package org.daysofchaos.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.journal.RecoveryTime;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.scoring.IncidentFacts;

/**
 * One incident as a report reads it: the facts of its journal, its scenario and the first alert
 * that matched it. The teams' part is in the plays of the {@link ReportInput}.
 *
 * @param id the incident's id (the run's id for a journal file)
 * @param gameDayId the game day it belongs to
 * @param service the service at fault: the scenario's answer key (diagnosis component), or {@value
 *     #UNKNOWN_SERVICE} when the scenario has none or is not known
 * @param weight the scenario's weight (1–10), which scales points and the resilience score
 * @param injectedAt t_inj, the moment the fault took effect; every time counts from it
 * @param faultEndedAt when every injection had been reverted; empty while the fault is in effect
 * @param signal the first of the scenario's detection signals that held (polled by the run loop)
 * @param alert the first alert named by the scenario that Alertmanager pushed for it
 * @param recovery when the steady state held again for the scenario's holdFor (the first instant of
 *     the stretch that held), counted from t_inj like every moment of the timeline; how long the
 *     recovery took, counted as the mode asks, is {@link #recoveryTime()}
 * @param verdict how the run ended; empty while it runs
 * @param steadyState the steady state's changes after t_inj, oldest first (it held at t_inj − 0)
 */
public record IncidentRecord(
    String id,
    String gameDayId,
    String scenarioId,
    String title,
    String service,
    int weight,
    Mode mode,
    Instant injectedAt,
    Optional<Instant> faultEndedAt,
    Optional<Timing> signal,
    Optional<Timing> alert,
    Optional<Timing> recovery,
    Optional<Verdict> verdict,
    List<SteadyStateChange> steadyState) {

  public static final String UNKNOWN_SERVICE = "unknown";

  public IncidentRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(gameDayId, "gameDayId");
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(injectedAt, "injectedAt");
    Objects.requireNonNull(mode, "mode");
    title = title == null ? scenarioId : title;
    service = service == null || service.isBlank() ? UNKNOWN_SERVICE : service.strip();
    if (weight < 1) {
      throw new IllegalArgumentException(
          "incident " + id + ": weight must be at least 1, got " + weight);
    }
    faultEndedAt = faultEndedAt == null ? Optional.empty() : faultEndedAt;
    signal = signal == null ? Optional.empty() : signal;
    alert = alert == null ? Optional.empty() : alert;
    recovery = recovery == null ? Optional.empty() : recovery;
    verdict = verdict == null ? Optional.empty() : verdict;
    steadyState = steadyState == null ? List.of() : List.copyOf(steadyState);
  }

  /** Still running: no verdict yet. */
  public boolean running() {
    return verdict.isEmpty();
  }

  /** The first monitoring detection: the earlier of the first signal and the first alert. */
  public Optional<Timing> monitoring() {
    return Timing.earliest(signal, alert);
  }

  /**
   * Whether the incident counts as recovered. Time-boxed: the steady state came back. Until fixed:
   * it came back while the fault was still in place, i.e. a team's fix worked; a recovery measured
   * only after the safety bound reverted the fault does not count.
   */
  public boolean recovered() {
    if (recovery.isEmpty()) {
      return false;
    }
    if (mode == Mode.TIME_BOXED || faultEndedAt.isEmpty()) {
      return true;
    }
    return !recovery.get().at().isAfter(faultEndedAt.get());
  }

  /**
   * How long the recovery took, counted as the mode asks: a time-boxed fault's self-healing after
   * it ended, an until-fixed incident's time to restore from the injection ({@link
   * RecoveryTime#of}). Present exactly for the recoveries that count, once a time-boxed fault has
   * ended.
   */
  public Optional<RecoveryTime> recoveryTime() {
    return recovery.flatMap(
        r -> RecoveryTime.of(mode, injectedAt, faultEndedAt, r.at(), r.resolution()));
  }

  /** The incident as the scoring rules see it. */
  public IncidentFacts facts() {
    return new IncidentFacts(id, scenarioId, weight, injectedAt);
  }
}
