package org.daysofchaos.scoreboard.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.daysofchaos.core.ledger.Ledger;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.scoreboard.metrics.ChaosMetrics;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.JdbcLedger;

/**
 * The ledger as one incident's run sees it: entries carry the incident's id, and each injection and
 * revert also goes to the audit log and the metrics.
 */
final class IncidentLedger implements Ledger {
  private final JdbcLedger ledger;
  private final AuditLog audit;
  private final ChaosMetrics metrics;
  private final String incidentId;
  private final String actor;
  private final Map<String, LedgerEntry> intended = new ConcurrentHashMap<>();
  private final Map<String, Boolean> active = new ConcurrentHashMap<>();
  private volatile String revertSource = "run";
  private volatile String revertActor;

  IncidentLedger(
      JdbcLedger ledger, AuditLog audit, ChaosMetrics metrics, String incidentId, String actor) {
    this.ledger = ledger;
    this.audit = audit;
    this.metrics = metrics;
    this.incidentId = incidentId;
    this.actor = actor;
    this.revertActor = actor;
  }

  /** Reverts from now on are counted and audited as caused by {@code source} (e.g. a halt). */
  void revertsCausedBy(String source, String byWhom) {
    revertSource = source;
    revertActor = byWhom;
  }

  @Override
  public void intend(LedgerEntry entry) {
    ledger.intend(entry, incidentId);
    intended.put(entry.injectionId(), entry);
  }

  @Override
  public void activate(String injectionId, RevertRecord revertRecord, Instant at) {
    ledger.activate(injectionId, revertRecord, at);
    active.put(injectionId, true);
    LedgerEntry entry = intended.get(injectionId);
    metrics.injected(entry.kind());
    metrics.faultActive(incidentId);
    audit.record(
        actor,
        "inject",
        entry.kind() + " on " + entry.target(),
        "incident " + incidentId + ", injection " + injectionId + ": " + entry.description());
  }

  @Override
  public void close(String injectionId, LedgerEntry.State finalState, Instant at) {
    ledger.close(injectionId, finalState, at);
    LedgerEntry entry = intended.get(injectionId);
    String what = entry == null ? injectionId : entry.kind() + " on " + entry.target();
    boolean wasActive = active.remove(injectionId) != null;
    if (finalState == LedgerEntry.State.REVERTED) {
      metrics.reverted(revertSource, true, wasActive);
      if (wasActive) {
        metrics.faultEnded(incidentId);
      }
      audit.record(
          revertActor,
          "revert",
          what,
          "incident " + incidentId + ", injection " + injectionId + " (" + revertSource + ")");
    } else {
      audit.record(
          actor,
          "inject-failed",
          what,
          "incident "
              + incidentId
              + ", injection "
              + injectionId
              + ": the injector refused or"
              + " failed and left the target as it was");
    }
  }

  @Override
  public List<LedgerEntry> open() {
    return ledger.openRowsOf(incidentId).stream().map(JdbcLedger.Row::entry).toList();
  }
}
