package org.daysofchaos.scoreboard.incident;

import java.time.Duration;
import java.time.Instant;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.RunListener;
import org.daysofchaos.scoreboard.schedule.Schedule;

/**
 * Writes a run's journal to the database as the run goes, and the incident's stages with it (when
 * the fault took effect, was detected, ended and recovered), so that the game master sees them
 * while the incident runs and a crash loses none of them; the close writes them once more from the
 * run's result. The fault's deadline goes to the schedule as soon as the fault is in effect.
 */
final class JournalWriter implements RunListener {
  private final IncidentRecords records;
  private final Schedule schedule;
  private final Duration deadlineGrace;
  private final String incidentId;
  private final Scenario scenario;
  private final Instant scheduledFor;
  private Instant injectedAt; // the run's thread only

  JournalWriter(
      IncidentRecords records,
      Schedule schedule,
      Duration deadlineGrace,
      String incidentId,
      Scenario scenario,
      Instant scheduledFor) {
    this.records = records;
    this.schedule = schedule;
    this.deadlineGrace = deadlineGrace;
    this.incidentId = incidentId;
    this.scenario = scenario;
    this.scheduledFor = scheduledFor;
  }

  @Override
  public void onEvent(JournalEvent event) {
    records.append(incidentId, event);
    if (event.type() == EventType.RUN_STARTED && event.data().containsKey("run")) {
      records.runId(incidentId, event.data().get("run"));
    } else if (event.type() == EventType.FAULT_ACTIVE) {
      injectedAt = Instant.parse(event.data().get("injectedAt"));
      records.injected(incidentId, injectedAt, scheduledFor);
      schedule.deadline(incidentId, injectedAt.plus(scenario.faultDeadline()).plus(deadlineGrace));
    } else if (event.type() == EventType.DETECTED) {
      Instant at = reported(event);
      records.detected(incidentId, at, millisSinceInjection(at));
    } else if (event.type() == EventType.RECOVERED) {
      Instant at = reported(event);
      records.recovered(incidentId, at, millisSinceInjection(at));
    } else if (event.type() == EventType.REVERTED) {
      // The last revert of the run is when its fault ended (the run's faultEndedAt, give or take).
      records.faultEnded(incidentId, event.at());
    } else if (event.type() == EventType.REVERT_FAILED) {
      records.faultEnded(incidentId, event.at());
      records.revertFailed(incidentId, event.message());
    }
  }

  /** The moment reports count (the estimate, for a probe that sees changes late). */
  private static Instant reported(JournalEvent event) {
    String reported = event.data().get("reportedAt");
    return reported == null ? event.at() : Instant.parse(reported);
  }

  private Long millisSinceInjection(Instant at) {
    return injectedAt == null ? null : Duration.between(injectedAt, at).toMillis();
  }
}
