package org.daysofchaos.scoreboard.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *   <li>on start, before anything else, what this node left active when it died and the early
 *       recovery before boot ({@code server.EarlyRecovery}, ADR 0018) left undone;
 *   <li>every few seconds, what a node whose heartbeat stopped left active (a cluster's survivors
 *       take over the dead node's faults);
 *   <li>on halt-all, whatever is open and not owned by a live run;
 *   <li>at a fault's deadline, if the node that injected it is gone.
 * </ul>
 *
 * What a pass writes (audit, journals, the incidents' close) is {@link LedgerRecovery}'s, shared
 * with the early recovery.
 */
@ApplicationScoped
public class Recovery implements FaultDeadline {
  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  /** The source of reverts made before Quarkus booted, in audit entries, journals and metrics. */
  public static final String EARLY = "early-recovery";

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

  private volatile LedgerRecovery shared;

  /** On start: reverts what this node left active when it stopped, and closes its incidents. */
  public LedgerRecovery.Report recoverAtStart() {
    return recoverNode(node.id(), shared().restartReason(), "recovery");
  }

  /**
   * Counts in the metrics what the early recovery ({@code server.EarlyRecovery}) reverted before
   * Quarkus booted, when there were no metrics yet.
   */
  public void countEarly(LedgerRecovery.Report early) {
    for (int i = 0; i < early.reverted(); i++) {
      metrics.reverted(EARLY, true, false);
    }
    for (int i = 0; i < early.failed(); i++) {
      metrics.reverted(EARLY, false, false);
    }
    if (early.reverted() > 0) {
      metrics.crashRecovered(early.reverted());
    }
  }

  private LedgerRecovery shared() {
    LedgerRecovery r = shared;
    if (r == null) {
      r =
          new LedgerRecovery(
              ledger,
              incidents,
              audit,
              clock,
              engine::runsHere,
              (source, ok, incident) -> {
                metrics.reverted(source, ok, false);
                if (ok && incident != null) {
                  // If this node's run had failed to revert it, its chaos_fault_active series ends.
                  metrics.revertedLater(incident);
                }
              });
      shared = r;
    }
    return r;
  }

  /** Takes over the faults and incidents of nodes whose heartbeat stopped. */
  public LedgerRecovery.Report sweepDeadNodes() {
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
      LedgerRecovery.Report r = recoverNode(deadNode, why, "takeover");
      reverted += r.reverted();
      failed += r.failed();
      closed.addAll(r.incidents());
      lines.addAll(r.lines());
    }
    return new LedgerRecovery.Report(reverted, failed, closed, lines);
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
  LedgerRecovery.Report recoverNode(String owner, String why, String source) {
    LedgerRecovery.Report report;
    // One set of reverters for the whole pass: a Kubernetes client is connected once, if at all.
    try (Reverters reverters = targets.reverters()) {
      report = shared().recoverNode(owner, why, source, reverters, true);
    }
    if (report.didSomething()) {
      metrics.crashRecovered(report.reverted());
      report.lines().forEach(line -> LOG.warn("recovery: {}", line));
      LOG.warn(
          "recovery of node {}: {} fault(s) reverted, {} could not be, {} incident(s) closed",
          owner,
          report.reverted(),
          report.failed(),
          report.incidents().size());
    }
    return report;
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
            && shared().revert(reverters, row, "halt", actor, new ArrayList<>())) {
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
}
