package org.daysofchaos.scoreboard.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daysofchaos.agents.Leftovers;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.Journal;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.spi.Reverters;
import org.daysofchaos.scoreboard.incident.IncidentEngine;
import org.daysofchaos.scoreboard.metrics.ChaosMetrics;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.JdbcLedger;
import org.daysofchaos.scoreboard.persistence.NodeId;
import org.daysofchaos.scoreboard.persistence.NodeStore;
import org.daysofchaos.scoreboard.schedule.FaultDeadline;
import org.daysofchaos.scoreboard.targets.Targets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverts faults that no running process owns any more, from the ledger alone (each entry by the
 * reverter of its record's backend), and closes their incidents with the reason in their journals:
 *
 * <ul>
 *   <li>on start, before anything else, what this node left active when it died;
 *   <li>every few seconds, what a node whose heartbeat stopped left active (a cluster's survivors
 *       take over the dead node's faults);
 *   <li>on halt-all, whatever is open and not owned by a live run;
 *   <li>at a fault's deadline, if the node that injected it is gone.
 * </ul>
 */
@ApplicationScoped
public class Recovery implements FaultDeadline {
  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  @Inject JdbcLedger ledger;
  @Inject IncidentStore incidents;
  @Inject NodeStore nodes;
  @Inject AuditLog audit;
  @Inject ChaosMetrics metrics;
  @Inject IncidentEngine engine;
  @Inject NodeId node;
  @Inject Clock clock;
  @Inject Targets targets;

  /** A node whose heartbeat is older than this is dead. */
  @ConfigProperty(name = "chaos.node.dead-after", defaultValue = "10s")
  Duration deadAfter;

  /** What a recovery did. */
  public record Report(int reverted, int failed, List<String> incidents, List<String> lines) {}

  /** On start: reverts what this node left active when it stopped, and closes its incidents. */
  public Report recoverAtStart() {
    String why =
        "the server (node "
            + node.id()
            + ") stopped while this incident ran (crash, kill or power loss); its faults were"
            + " reverted when it started again";
    return recoverNode(node.id(), why, "recovery");
  }

  /** Takes over the faults and incidents of nodes whose heartbeat stopped. */
  public Report sweepDeadNodes() {
    Set<String> dead = deadNodesWithWork();
    int reverted = 0;
    int failed = 0;
    List<String> closed = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (String deadNode : dead) {
      String why =
          "node "
              + deadNode
              + " stopped answering (no heartbeat for "
              + deadAfter.toSeconds()
              + " s) while this incident ran; node "
              + node.id()
              + " reverted its faults";
      Report r = recoverNode(deadNode, why, "takeover");
      reverted += r.reverted();
      failed += r.failed();
      closed.addAll(r.incidents());
      lines.addAll(r.lines());
    }
    return new Report(reverted, failed, closed, lines);
  }

  private Set<String> deadNodesWithWork() {
    Map<String, Instant> beats = nodes.heartbeats();
    Instant limit = clock.instant().minus(deadAfter);
    Set<String> owners = new LinkedHashSet<>();
    ledger.openRows().forEach(r -> owners.add(r.nodeId()));
    incidents.running().forEach(i -> owners.add(i.nodeId()));
    owners.remove(node.id());
    owners.remove(null);
    owners.removeIf(owner -> beats.containsKey(owner) && beats.get(owner).isAfter(limit));
    return owners;
  }

  /**
   * Reverts every open injection of {@code owner} and closes its running incidents. For another
   * node's incidents, this node first takes each one over in the database, so that of several
   * survivors exactly one does it.
   */
  Report recoverNode(String owner, String why, String source) {
    boolean own = owner.equals(node.id());
    Map<String, List<JdbcLedger.Row>> byIncident = new LinkedHashMap<>();
    List<JdbcLedger.Row> orphans = new ArrayList<>();
    for (JdbcLedger.Row row : ledger.openRows()) {
      if (!owner.equals(row.nodeId())
          || (own && row.incidentId() != null && engine.runsHere(row.incidentId()))) {
        continue;
      }
      if (row.incidentId() == null) {
        orphans.add(row);
      } else {
        byIncident.computeIfAbsent(row.incidentId(), k -> new ArrayList<>()).add(row);
      }
    }
    for (Incident incident : incidents.running()) {
      if (owner.equals(incident.nodeId()) && !engine.runsHere(incident.id())) {
        byIncident.computeIfAbsent(incident.id(), k -> new ArrayList<>());
      }
    }
    int reverted = 0;
    int failed = 0;
    List<String> closed = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    // One set of reverters for the whole pass: a Kubernetes client is connected once, if at all.
    try (Reverters reverters = targets.reverters()) {
      for (JdbcLedger.Row row : orphans) {
        if (revert(reverters, row, source, AuditLog.RECOVERY, why, lines)) {
          reverted++;
        } else {
          failed++;
        }
      }
      for (Map.Entry<String, List<JdbcLedger.Row>> e : byIncident.entrySet()) {
        String incidentId = e.getKey();
        if (!own && !incidents.takeOver(incidentId, owner, node.id())) {
          continue;
        }
        int incidentFailures = 0;
        for (JdbcLedger.Row row : e.getValue()) {
          if (revert(reverters, row, source, AuditLog.RECOVERY, why, lines)) {
            reverted++;
          } else {
            failed++;
            incidentFailures++;
          }
        }
        close(incidentId, why, e.getValue().size(), incidentFailures);
        closed.add(incidentId);
      }
    }
    if (reverted + failed > 0 || !closed.isEmpty()) {
      metrics.crashRecovered(reverted);
      lines.forEach(line -> LOG.warn("recovery: {}", line));
      LOG.warn(
          "recovery of node {}: {} fault(s) reverted, {} could not be, {} incident(s) closed",
          owner,
          reverted,
          failed,
          closed.size());
    }
    return new Report(reverted, failed, closed, lines);
  }

  /**
   * On halt-all: reverts what is open and owned by no live run here — this node's entries that no
   * run owns, and the entries of dead nodes. A live node's runs are aborted by that node.
   */
  int revertUnowned(String actor, String why) {
    int reverted = 0;
    Set<String> dead = deadNodesWithWork();
    try (Reverters reverters = targets.reverters()) {
      for (JdbcLedger.Row row : ledger.openRows()) {
        boolean mineUnowned =
            node.id().equals(row.nodeId())
                && (row.incidentId() == null || !engine.runsHere(row.incidentId()));
        if ((mineUnowned || dead.contains(row.nodeId()))
            && revert(reverters, row, "halt", actor, why, new ArrayList<>())) {
          reverted++;
        }
      }
    }
    return reverted;
  }

  /** At a fault's deadline: if no live node runs the incident any more, recovers it. */
  @Override
  public void deadlinePassed(String incidentId) {
    if (engine.runsHere(incidentId)) {
      engine.endFault(incidentId, "its deadline passed (the schedule's safety net)");
      return;
    }
    incidents
        .find(incidentId)
        .filter(i -> i.state() == Incident.State.RUNNING)
        .ifPresent(
            incident -> {
              if (deadNodesWithWork().contains(incident.nodeId())
                  || node.id().equals(incident.nodeId())) {
                recoverNode(
                    incident.nodeId(),
                    "its deadline passed and node "
                        + incident.nodeId()
                        + " no longer runs it; node "
                        + node.id()
                        + " reverted its faults",
                    "deadline");
              }
            });
  }

  /**
   * Reverts one ledger entry with the reverter of its record's backend, and closes it when that
   * worked; true when it is gone.
   */
  private boolean revert(
      Reverters reverters,
      JdbcLedger.Row row,
      String source,
      String actor,
      String why,
      List<String> lines) {
    LedgerEntry entry = row.entry();
    Leftovers.Outcome outcome = Leftovers.revert(entry, ledger, reverters, clock);
    boolean ok = outcome.reverted();
    String line = outcome.line();
    lines.add(line);
    metrics.reverted(source, ok, false);
    if (ok && row.incidentId() != null) {
      // If this node's run had failed to revert it, its chaos_fault_active series ends now.
      metrics.revertedLater(row.incidentId());
    }
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
      Instant now = clock.instant();
      incidents.append(
          row.incidentId(),
          new JournalEvent(
              now,
              ok ? EventType.REVERTED : EventType.REVERT_FAILED,
              (ok ? "reverted " : "could not revert ")
                  + what
                  + " from the ledger ("
                  + source
                  + ", node "
                  + node.id()
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
