package org.daysofchaos.scoreboard.incident;

import java.time.Duration;
import java.time.Instant;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.RunListener;
import org.daysofchaos.scoreboard.schedule.Schedule;

/**
 * Writes a run's journal to the database as the run goes, and reacts to a few events: the fault's
 * deadline goes to the schedule as soon as the fault is in effect.
 */
final class JournalWriter implements RunListener {
  private final IncidentRecords records;
  private final Schedule schedule;
  private final Duration deadlineGrace;
  private final String incidentId;
  private final Scenario scenario;
  private final Instant scheduledFor;

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
      Instant injectedAt = Instant.parse(event.data().get("injectedAt"));
      records.injected(incidentId, injectedAt, scheduledFor);
      schedule.deadline(incidentId, injectedAt.plus(scenario.faultDeadline()).plus(deadlineGrace));
    } else if (event.type() == EventType.REVERT_FAILED) {
      records.revertFailed();
    }
  }
}
