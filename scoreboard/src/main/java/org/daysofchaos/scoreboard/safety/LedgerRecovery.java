package org.daysofchaos.scoreboard.safety;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.daysofchaos.agents.Leftovers;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.Journal;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.spi.Reverters;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.JdbcLedger;

/**
 * Reverts a node's open ledger entries and closes its running incidents, from the database alone:
 * plain Java, so that the server runs it both before Quarkus boots ({@code server.EarlyRecovery},
 * ADR 0018) and inside it ({@link Recovery}). One home for what a recovery writes: the audit entry
 * and journal event of each revert, the incident's close.
 */
public final class LedgerRecovery {
  /** Counts reverts (the server's metrics; nothing before Quarkus boots). */
  @FunctionalInterface
  public interface Counter {
    /** One revert of {@code incidentId}'s fault (null: a fault of no incident). */
    void reverted(String source, boolean ok, String incidentId);
  }

  /** What a recovery did. */
  public record Report(int reverted, int failed, List<String> incidents, List<String> lines) {
    public static final Report NONE = new Report(0, 0, List.of(), List.of());

    public boolean didSomething() {
      return reverted + failed > 0 || !incidents.isEmpty();
    }
  }

  private final JdbcLedger ledger;
  private final IncidentStore incidents;
  private final AuditLog audit;
  private final Clock clock;
  private final String node;
  private final Predicate<String> runsHere;
  private final Counter counter;

  public LedgerRecovery(
      JdbcLedger ledger,
      IncidentStore incidents,
      AuditLog audit,
      Clock clock,
      Predicate<String> runsHere,
      Counter counter) {
    this.ledger = ledger;
    this.incidents = incidents;
    this.audit = audit;
    this.clock = clock;
    this.node = ledger.nodeId();
    this.runsHere = runsHere;
    this.counter = counter;
  }

  /** Over a database with no run of this process yet: nothing runs here, nothing is counted. */
  public static LedgerRecovery beforeStart(Db db, String nodeId, Clock clock) {
    return new LedgerRecovery(
        new JdbcLedger(db, nodeId),
        new IncidentStore(db),
        new AuditLog(db, clock, nodeId),
        clock,
        incident -> false,
        (source, ok, incident) -> {});
  }

  /** The reason an incident of this node is closed with when the node starts again. */
  public String restartReason() {
    return "the server (node "
        + node
        + ") stopped while this incident ran (crash, kill or power loss); its faults were"
        + " reverted when it started again";
  }

  /**
   * Reverts every open injection of {@code owner} and closes its running incidents. For another
   * node's incidents, this node first takes each one over in the database, so that of several
   * survivors exactly one does it. With {@code closeFailed} false, an incident with a fault that
   * could not be reverted stays running, whole, for a later recovery to finish.
   */
  public Report recoverNode(
      String owner, String why, String source, Reverters reverters, boolean closeFailed) {
    boolean own = owner.equals(node);
    Map<String, List<JdbcLedger.Row>> byIncident = new LinkedHashMap<>();
    List<JdbcLedger.Row> orphans = new ArrayList<>();
    for (JdbcLedger.Row row : ledger.openRows()) {
      if (!owner.equals(row.nodeId())
          || (own && row.incidentId() != null && runsHere.test(row.incidentId()))) {
        continue;
      }
      if (row.incidentId() == null) {
        orphans.add(row);
      } else {
        byIncident.computeIfAbsent(row.incidentId(), k -> new ArrayList<>()).add(row);
      }
    }
    for (Incident incident : incidents.running()) {
      if (owner.equals(incident.nodeId()) && !runsHere.test(incident.id())) {
        byIncident.computeIfAbsent(incident.id(), k -> new ArrayList<>());
      }
    }
    int reverted = 0;
    int failed = 0;
    List<String> closed = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (JdbcLedger.Row row : orphans) {
      if (revert(reverters, row, source, AuditLog.RECOVERY, lines)) {
        reverted++;
      } else {
        failed++;
      }
    }
    for (Map.Entry<String, List<JdbcLedger.Row>> e : byIncident.entrySet()) {
      String incidentId = e.getKey();
      if (!own && !incidents.takeOver(incidentId, owner, node)) {
        continue;
      }
      int incidentFailures = 0;
      for (JdbcLedger.Row row : e.getValue()) {
        if (revert(reverters, row, source, AuditLog.RECOVERY, lines)) {
          reverted++;
        } else {
          failed++;
          incidentFailures++;
        }
      }
      if (closeFailed || incidentFailures == 0) {
        close(incidentId, why, e.getValue().size(), incidentFailures);
        closed.add(incidentId);
      }
    }
    return new Report(reverted, failed, closed, lines);
  }

  /**
   * Reverts one ledger entry with the reverter of its record's backend, and closes it when that
   * worked; true when it is gone.
   */
  boolean revert(
      Reverters reverters, JdbcLedger.Row row, String source, String actor, List<String> lines) {
    LedgerEntry entry = row.entry();
    Leftovers.Outcome outcome = Leftovers.revert(entry, ledger, reverters, clock);
    boolean ok = outcome.reverted();
    String line = outcome.line();
    lines.add(line);
    counter.reverted(source, ok, row.incidentId());
    String what = entry.kind() + " on " + entry.target();
    audit.record(
        actor,
        ok ? "revert" : "revert-failed",
        what,
        "injection "
            + entry.injectionId()
            + (row.incidentId() == null ? "" : " of incident " + row.incidentId())
            + " ("
            + source
            + "): "
            + line);
    if (row.incidentId() != null) {
      incidents.append(
          row.incidentId(),
          new JournalEvent(
              clock.instant(),
              ok ? EventType.REVERTED : EventType.REVERT_FAILED,
              (ok ? "reverted " : "could not revert ")
                  + what
                  + " from the ledger ("
                  + source
                  + ", node "
                  + node
                  + "): "
                  + line,
              Journal.data("injection", entry.injectionId(), "source", source)));
    }
    return ok;
  }

  private void close(String incidentId, String why, int faults, int failures) {
    Instant now = clock.instant();
    Verdict verdict = failures > 0 ? Verdict.FAILED : Verdict.ABORTED;
    String reason =
        why
            + (faults == 0
                ? " (no fault was active)"
                : failures > 0
                    ? " ("
                        + failures
                        + " of "
                        + faults
                        + " could not be reverted; they stay in"
                        + " the ledger and are tried again)"
                    : " (" + faults + " fault(s))");
    incidents.stagesFromJournal(incidentId);
    incidents.append(incidentId, new JournalEvent(now, EventType.ABORTED, reason, Map.of()));
    incidents.append(
        incidentId,
        new JournalEvent(
            now, EventType.VERDICT, verdict + ": " + reason, Map.of("verdict", verdict.name())));
    incidents.closeWithoutRun(incidentId, verdict.name(), reason, now, now);
    audit.record(AuditLog.RECOVERY, "incident-closed", "incident " + incidentId, reason);
  }
}
