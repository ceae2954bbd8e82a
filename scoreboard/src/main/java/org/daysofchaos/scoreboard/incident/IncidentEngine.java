package org.daysofchaos.scoreboard.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.RunListener;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.scoreboard.halt.HaltState;
import org.daysofchaos.scoreboard.notify.IncidentFacts;
import org.daysofchaos.scoreboard.notify.Notifications;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.schedule.IncidentTriggers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires incidents and runs them on this node: decides whether a trigger may still fire, takes the
 * incident, asks its game day for the scenario to run (with the day's guardrails), and hands it to
 * this node's runs, which write the journal to the database as it happens behind the halt-all gate,
 * with the fault's deadline registered with the schedule as a safety net.
 */
@ApplicationScoped
public class IncidentEngine implements IncidentTriggers {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentEngine.class);

  @Inject IncidentRecords records;
  @Inject GameDayRules gameDays;
  @Inject HaltState halt;
  @Inject Runs runs;
  @Inject Notifications notifications;

  private volatile Instant acceptingSince;

  /**
   * Opens the engine once crash recovery is done: a trigger whose time came before this instant
   * came while no server was running, and is not fired (docs/server.md, "Misfires").
   */
  public void open(Instant since) {
    runs.open();
    acceptingSince = since;
  }

  public Optional<Instant> openSince() {
    return Optional.ofNullable(acceptingSince);
  }

  // --- firing ---------------------------------------------------------------------------------

  @Override
  public void fireScheduled(String incidentId, Instant scheduledFor) {
    Instant since = acceptingSince;
    if (since == null || scheduledFor.isBefore(since)) {
      missed(incidentId, lateBecause(scheduledFor, "no server was running"));
      return;
    }
    Optional<Instant> resumed =
        records.find(incidentId).map(Incident::gameDayId).flatMap(gameDays::resumedAt);
    if (resumed.isPresent() && scheduledFor.isBefore(resumed.get())) {
      missed(incidentId, lateBecause(scheduledFor, "its game day was paused"));
      return;
    }
    Optional<Incident> claimed = records.claim(incidentId);
    if (claimed.isEmpty()) {
      LOG.debug("incident {} is no longer scheduled; not firing it", incidentId);
      return;
    }
    start(claimed.get(), scheduledFor, AuditLog.SCHEDULER);
  }

  private static String lateBecause(Instant scheduledFor, String when) {
    return "its time ("
        + scheduledFor
        + ") came while "
        + when
        + "; it is not fired late, on purpose (docs/server.md, Misfires)";
  }

  @Override
  public void fireCron(
      String gameDayId, int slot, String scenarioId, String sha256, Instant scheduledFor) {
    Instant since = acceptingSince;
    if (since == null || scheduledFor.isBefore(since)) {
      records.missedCron(gameDayId, slot, scheduledFor);
      return;
    }
    Incident incident =
        records.create(gameDayId, slot, scenarioId, sha256, scheduledFor, AuditLog.SCHEDULER);
    start(incident, scheduledFor, AuditLog.SCHEDULER);
  }

  /** Fires a scenario now, by hand (outside of, or as part of, a game day). */
  public Incident fireNow(String scenarioId, String sha256, String gameDayId, String actor) {
    if (acceptingSince == null) {
      throw new IllegalStateException("the server is still starting");
    }
    Instant now = records.now();
    Incident incident = records.create(gameDayId, null, scenarioId, sha256, now, actor);
    records.firedByHand(actor, incident);
    start(incident, now, actor);
    return records.find(incident.id()).orElse(incident);
  }

  /** Marks a scheduled incident as missed, with the reason. */
  @Override
  public void missed(String incidentId, String reason) {
    records.missed(incidentId, reason);
  }

  private void start(Incident incident, Instant scheduledFor, String actor) {
    String blocked = halt.blockedReason();
    if (blocked != null) {
      closeUnrun(incident, Verdict.ABORTED, "not fired: " + blocked, actor);
      return;
    }
    Scenario scenario;
    try {
      scenario = gameDays.scenarioOf(incident);
    } catch (GameDayRules.NotRunnable e) {
      closeUnrun(incident, Verdict.FAILED, e.getMessage(), actor);
      return;
    }
    runs.launch(
        incident, scenario, scheduledFor, actor, gameDays.notificationsOf(incident.gameDayId()));
  }

  /** Closes an incident that never ran, and tells its game day's channels as a run would. */
  private void closeUnrun(Incident incident, Verdict verdict, String reason, String actor) {
    records.closeUnrun(incident, verdict, reason, actor);
    RunListener told =
        notifications.incident(
            new IncidentFacts(
                incident.id(), incident.gameDayId(), incident.scenarioId(), incident.scenarioId()),
            gameDays.notificationsOf(incident.gameDayId()));
    if (told != null) {
      told.onEvent(
          new JournalEvent(
              records.now(),
              EventType.VERDICT,
              verdict + ": " + reason,
              Map.of("verdict", verdict.name())));
    }
  }

  // --- steering -------------------------------------------------------------------------------

  /** Ends the fault of a running incident now, as a normal end: revert, then measure recovery. */
  public boolean endFault(String incidentId, String reason) {
    return runs.endFault(incidentId, reason);
  }

  /** Aborts one running incident: revert everything; the verdict is ABORTED. */
  public Optional<CompletableFuture<RunResult>> abort(
      String incidentId, String reason, String source, String actor) {
    return runs.abort(incidentId, reason, source, actor);
  }

  /** Aborts every run of this node; the futures complete when each has reverted. */
  public List<CompletableFuture<RunResult>> abortAll(String reason, String source, String actor) {
    return abortEach(runs.all(), reason, source, actor);
  }

  /** Aborts the running incidents of one game day. */
  public List<CompletableFuture<RunResult>> abortGameDay(
      String gameDayId, String reason, String actor) {
    return abortEach(runs.ofGameDay(gameDayId), reason, "stop", actor);
  }

  private List<CompletableFuture<RunResult>> abortEach(
      List<String> incidentIds, String reason, String source, String actor) {
    List<CompletableFuture<RunResult>> done = new ArrayList<>();
    for (String id : incidentIds) {
      runs.abort(id, reason, source, actor).ifPresent(done::add);
    }
    return done;
  }

  public boolean runsHere(String incidentId) {
    return runs.runsHere(incidentId);
  }

  public int runningCount() {
    return runs.count();
  }
}
