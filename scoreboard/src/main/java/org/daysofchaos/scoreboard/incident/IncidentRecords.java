package org.daysofchaos.scoreboard.incident;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.daysofchaos.core.Diagnosis;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.report.IncidentRecord;
import org.daysofchaos.scoreboard.metrics.ChaosMetrics;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.JdbcLedger;
import org.daysofchaos.scoreboard.persistence.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything an incident leaves behind, written as it happens: its row and journal in the database,
 * its ledger entries, the audit log's lines and the metrics, all stamped with this node and its
 * clock.
 */
@Singleton
class IncidentRecords {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentRecords.class);

  @Inject IncidentStore incidents;
  @Inject JdbcLedger ledger;
  @Inject AuditLog audit;
  @Inject ChaosMetrics metrics;
  @Inject NodeId node;
  @Inject Clock clock;

  Instant now() {
    return clock.instant();
  }

  Clock clock() {
    return clock;
  }

  Optional<Incident> find(String incidentId) {
    return incidents.find(incidentId);
  }

  /** A new incident, running on this node from now. */
  Incident create(
      String gameDayId,
      Integer slot,
      String scenarioId,
      String sha256,
      Instant scheduledFor,
      String actor) {
    String id = newIncidentId();
    incidents.insertRunning(
        id, gameDayId, slot, scenarioId, sha256, scheduledFor, clock.instant(), node.id(), actor);
    return incidents.find(id).orElseThrow();
  }

  /** Takes a scheduled incident for this node; empty if it is no longer scheduled. */
  Optional<Incident> claim(String incidentId) {
    if (!incidents.claim(incidentId, node.id(), clock.instant(), AuditLog.SCHEDULER)) {
      return Optional.empty();
    }
    return incidents.find(incidentId);
  }

  /** Marks a scheduled incident as missed, with the reason. */
  void missed(String incidentId, String reason) {
    if (incidents.markMissed(incidentId, reason, clock.instant())) {
      metrics.incidentMissed();
      audit.record(AuditLog.SCHEDULER, "missed", "incident " + incidentId, reason);
      LOG.info("incident {} missed: {}", incidentId, reason);
    }
  }

  /** A cron firing of a game day that came while no server was running. */
  void missedCron(String gameDayId, int slot, Instant scheduledFor) {
    audit.record(
        AuditLog.SCHEDULER,
        "missed",
        "game day " + gameDayId + " slot " + slot,
        "a cron firing at " + scheduledFor + " came while no server was running; skipped");
    metrics.incidentMissed();
  }

  void firedByHand(String actor, Incident incident) {
    audit.record(actor, "fire", "incident " + incident.id(), "scenario " + incident.scenarioId());
  }

  /** Closes an incident that never ran, with the reason in its journal. */
  void closeUnrun(Incident incident, Verdict verdict, String reason, String actor) {
    Instant now = clock.instant();
    incidents.append(incident.id(), new JournalEvent(now, EventType.ABORTED, reason, Map.of()));
    incidents.append(
        incident.id(),
        new JournalEvent(
            now, EventType.VERDICT, verdict + ": " + reason, Map.of("verdict", verdict.name())));
    incidents.closeWithoutRun(incident.id(), verdict.name(), reason, null, now);
    audit.record(actor, "not-fired", "incident " + incident.id(), reason);
    LOG.info("incident {} not run: {}", incident.id(), reason);
  }

  /** The ledger as one incident's run sees it. */
  IncidentLedger ledgerOf(String incidentId, String actor) {
    return new IncidentLedger(ledger, audit, metrics, incidentId, actor);
  }

  void runStarted(Incident incident, Scenario scenario) {
    metrics.incidentFired(scenario.id());
    LOG.info("incident {} fired: {} ({})", incident.id(), scenario.id(), scenario.title());
  }

  void runEnded(Scenario scenario, Verdict verdict) {
    metrics.incidentEnded(scenario.id(), serviceOf(scenario), verdict.name());
  }

  /** The service at fault, as the reports name it: the answer key's component. */
  private static String serviceOf(Scenario scenario) {
    return scenario
        .diagnosis()
        .map(Diagnosis::component)
        .filter(c -> !c.isBlank())
        .orElse(IncidentRecord.UNKNOWN_SERVICE);
  }

  void closed(String incidentId, Scenario scenario, RunResult result) {
    incidents.close(incidentId, result, clock.instant());
    result.detection().ifPresent(d -> metrics.detected(scenario.id(), d.after()));
    result.recoveryTime().ifPresent(t -> metrics.recovered(scenario.id(), t));
    metrics.serviceTimes(
        serviceOf(scenario), result.detection().map(d -> d.after()), result.recoveryTime());
    LOG.info("incident {} closed: {} — {}", incidentId, result.verdict(), result.reason());
  }

  // --- the journal, as the run writes it (JournalWriter) ---------------------------------------

  void append(String incidentId, JournalEvent event) {
    incidents.append(incidentId, event);
  }

  void runId(String incidentId, String runId) {
    incidents.setRunId(incidentId, runId);
  }

  void injected(String incidentId, Instant injectedAt, Instant scheduledFor) {
    incidents.setInjectedAt(incidentId, injectedAt);
    metrics.firingDelay(Duration.between(scheduledFor, injectedAt));
  }

  void detected(String incidentId, Instant at, Long afterMillis) {
    incidents.setDetected(incidentId, at, afterMillis);
  }

  void faultEnded(String incidentId, Instant at) {
    incidents.setFaultEndedAt(incidentId, at);
  }

  void recovered(String incidentId, Instant at, Long afterMillis) {
    incidents.setRecovered(incidentId, at, afterMillis);
  }

  void revertFailed(String incidentId, String message) {
    metrics.reverted("run", false, false);
    metrics.revertFailed(incidentId);
    LOG.error(
        "incident {}: REVERT FAILED, the fault may still be in effect (chaos_fault_active stays;"
            + " halt-all or crash recovery tries again): {}",
        incidentId,
        message);
  }

  private static String newIncidentId() {
    return "inc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
