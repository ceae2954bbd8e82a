package org.daysofchaos.scoreboard.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RunResult;

/** Incidents ({@code chaos_incident}) and their journals ({@code chaos_journal_event}). */
public final class IncidentStore {
  private static final String COLUMNS =
      "id, game_day_id, slot, scenario_id, scenario_sha256, state, scheduled_at, started_at,"
          + " injected_at, detected_at, fault_ended_at, recovered_at, closed_at, detection_ms,"
          + " recovery_ms, verdict, reason, run_id, node_id, fired_by";

  private final Db db;

  public IncidentStore(Db db) {
    this.db = db;
  }

  /** A new incident waiting for its trigger. */
  public void insertScheduled(
      String id,
      String gameDayId,
      Integer slot,
      String scenarioId,
      String sha256,
      Instant scheduledAt,
      String firedBy) {
    db.update(
        "INSERT INTO chaos_incident (id, game_day_id, slot, scenario_id, scenario_sha256, state,"
            + " scheduled_at, fired_by) VALUES (?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)",
        id,
        gameDayId,
        slot,
        scenarioId,
        sha256,
        scheduledAt,
        firedBy);
  }

  /** A new incident that starts running now on {@code nodeId} (fired by hand, or by cron). */
  public void insertRunning(
      String id,
      String gameDayId,
      Integer slot,
      String scenarioId,
      String sha256,
      Instant scheduledAt,
      Instant startedAt,
      String nodeId,
      String firedBy) {
    db.update(
        "INSERT INTO chaos_incident (id, game_day_id, slot, scenario_id, scenario_sha256, state,"
            + " scheduled_at, started_at, node_id, fired_by)"
            + " VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?)",
        id,
        gameDayId,
        slot,
        scenarioId,
        sha256,
        scheduledAt,
        startedAt,
        nodeId,
        firedBy);
  }

  /**
   * Moves a scheduled incident to RUNNING on {@code nodeId}; false if it is no longer scheduled
   * (another node got it, or it was missed or cancelled). This is what makes an incident fire once
   * even if its trigger fires twice.
   */
  public boolean claim(String id, String nodeId, Instant startedAt, String firedBy) {
    return db.update(
            "UPDATE chaos_incident SET state = 'RUNNING', started_at = ?, node_id = ?,"
                + " fired_by = ? WHERE id = ? AND state = 'SCHEDULED'",
            startedAt,
            nodeId,
            firedBy,
            id)
        == 1;
  }

  /** Gives a running incident of a dead node to {@code toNode}; false if someone else got it. */
  public boolean takeOver(String id, String fromNode, String toNode) {
    return db.update(
            "UPDATE chaos_incident SET node_id = ? WHERE id = ? AND node_id = ?"
                + " AND state = 'RUNNING'",
            toNode,
            id,
            fromNode)
        == 1;
  }

  public void setRunId(String id, String runId) {
    db.update("UPDATE chaos_incident SET run_id = ? WHERE id = ?", runId, id);
  }

  public void setInjectedAt(String id, Instant at) {
    db.update("UPDATE chaos_incident SET injected_at = ? WHERE id = ?", at, id);
  }

  /**
   * A running incident's first detection, written as it happens: the game master's timeline shows
   * it while the incident runs, and a crash does not lose it. {@link #close} writes it again.
   */
  public void setDetected(String id, Instant at, Long afterMillis) {
    db.update(
        "UPDATE chaos_incident SET detected_at = ?, detection_ms = ? WHERE id = ?"
            + " AND state = 'RUNNING' AND detected_at IS NULL",
        at,
        afterMillis,
        id);
  }

  /** When a running incident's faults were reverted, as it happens (see {@link #setDetected}). */
  public void setFaultEndedAt(String id, Instant at) {
    db.update(
        "UPDATE chaos_incident SET fault_ended_at = ? WHERE id = ? AND state = 'RUNNING'", at, id);
  }

  /** A running incident's measured recovery, as it happens (see {@link #setDetected}). */
  public void setRecovered(String id, Instant at, Long afterMillis) {
    db.update(
        "UPDATE chaos_incident SET recovered_at = ?, recovery_ms = ? WHERE id = ?"
            + " AND state = 'RUNNING'",
        at,
        afterMillis,
        id);
  }

  /**
   * Fills a running incident's detection and recovery from its journal where its row has none: for
   * an incident whose run wrote the event but died before its row was updated (or ran on a version
   * that stored them only at its close). Crash recovery calls it before closing the incident.
   */
  public void stagesFromJournal(String id) {
    Optional<Incident> incident = find(id).filter(i -> i.injectedAt() != null);
    if (incident.isEmpty()) {
      return;
    }
    Instant injectedAt = incident.get().injectedAt();
    for (JournalEvent e : journal(id)) {
      Instant at =
          e.data().containsKey("reportedAt") ? Instant.parse(e.data().get("reportedAt")) : e.at();
      long after = Duration.between(injectedAt, at).toMillis();
      if (e.type() == EventType.DETECTED && incident.get().detectedAt() == null) {
        setDetected(id, at, after);
      } else if (e.type() == EventType.RECOVERED && incident.get().recoveredAt() == null) {
        setRecovered(id, at, after);
      }
    }
  }

  /** Closes a run that ended, with what it measured. */
  public void close(String id, RunResult result, Instant closedAt) {
    db.update(
        "UPDATE chaos_incident SET state = 'CLOSED', run_id = ?, injected_at = ?,"
            + " detected_at = ?, fault_ended_at = ?, recovered_at = ?, closed_at = ?,"
            + " detection_ms = ?, recovery_ms = ?, verdict = ?, reason = ? WHERE id = ?",
        result.runId(),
        result.injectedAt(),
        result.detection().map(Measurement::reported),
        result.faultEndedAt(),
        result.recovery().map(Measurement::reported),
        closedAt,
        result.detection().map(d -> d.reportedAfter().toMillis()),
        result.recovery().map(r -> r.reportedAfter().toMillis()),
        result.verdict(),
        AuditLog.cut(result.reason(), 4000),
        id);
  }

  /** Closes an incident whose run is gone (its server crashed), with a verdict and a reason. */
  public void closeWithoutRun(
      String id, String verdict, String reason, Instant faultEndedAt, Instant closedAt) {
    db.update(
        "UPDATE chaos_incident SET state = 'CLOSED', verdict = ?, reason = ?,"
            + " fault_ended_at = COALESCE(fault_ended_at, ?), closed_at = ?"
            + " WHERE id = ? AND state = 'RUNNING'",
        verdict,
        AuditLog.cut(reason, 4000),
        faultEndedAt,
        closedAt,
        id);
  }

  /** Marks a scheduled incident as not fired; false if it was no longer scheduled. */
  public boolean markMissed(String id, String reason, Instant at) {
    return db.update(
            "UPDATE chaos_incident SET state = 'MISSED', reason = ?, closed_at = ?"
                + " WHERE id = ? AND state = 'SCHEDULED'",
            AuditLog.cut(reason, 4000),
            at,
            id)
        == 1;
  }

  /** Cancels every scheduled incident of a game day; returns their ids. */
  public List<String> cancelScheduled(String gameDayId, String reason, Instant at) {
    List<String> ids =
        db.query(
            "SELECT id FROM chaos_incident WHERE game_day_id = ? AND state = 'SCHEDULED'",
            rs -> rs.getString(1),
            gameDayId);
    db.update(
        "UPDATE chaos_incident SET state = 'CANCELLED', reason = ?, closed_at = ?"
            + " WHERE game_day_id = ? AND state = 'SCHEDULED'",
        reason,
        at,
        gameDayId);
    return ids;
  }

  public Optional<Incident> find(String id) {
    return db.one(
        "SELECT " + COLUMNS + " FROM chaos_incident WHERE id = ?", IncidentStore::row, id);
  }

  /** Incidents, newest scheduled last; each filter applies when not null. */
  public List<Incident> list(String gameDayId, Incident.State state, int limit) {
    List<String> where = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (gameDayId != null) {
      where.add("game_day_id = ?");
      args.add(gameDayId);
    }
    if (state != null) {
      where.add("state = ?");
      args.add(state);
    }
    return db.query(
        "SELECT "
            + COLUMNS
            + " FROM chaos_incident"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY COALESCE(scheduled_at, started_at), id FETCH FIRST "
            + Math.max(1, limit)
            + " ROWS ONLY",
        IncidentStore::row,
        args.toArray());
  }

  /**
   * The incidents of a game day whose fault took effect, in the order it did (then by id): what the
   * board and the reports count.
   */
  public List<Incident> fired(String gameDayId) {
    return list(gameDayId, null, 100_000).stream()
        .filter(i -> i.injectedAt() != null)
        .sorted(Comparator.comparing(Incident::injectedAt).thenComparing(Incident::id))
        .toList();
  }

  /** Running incidents, on every node. */
  public List<Incident> running() {
    return list(null, Incident.State.RUNNING, 100_000);
  }

  // --- journal --------------------------------------------------------------------------------

  public void append(String incidentId, JournalEvent event) {
    db.update(
        "INSERT INTO chaos_journal_event (incident_id, occurred_at, type, message, data_json)"
            + " VALUES (?, ?, ?, ?, ?)",
        incidentId,
        event.at(),
        event.type(),
        AuditLog.cut(event.message(), 4000),
        Json.write(event.data()));
  }

  public List<JournalEvent> journal(String incidentId) {
    return db.query(
        "SELECT occurred_at, type, message, data_json FROM chaos_journal_event"
            + " WHERE incident_id = ? ORDER BY id",
        rs ->
            new JournalEvent(
                Db.instant(rs, "occurred_at"),
                EventType.valueOf(rs.getString("type")),
                rs.getString("message"),
                Map.copyOf(Json.read(rs.getString("data_json")))),
        incidentId);
  }

  private static Incident row(ResultSet rs) throws SQLException {
    return new Incident(
        rs.getString("id"),
        rs.getString("game_day_id"),
        Db.intOrNull(rs, "slot"),
        rs.getString("scenario_id"),
        rs.getString("scenario_sha256"),
        Incident.State.valueOf(rs.getString("state")),
        Db.instant(rs, "scheduled_at"),
        Db.instant(rs, "started_at"),
        Db.instant(rs, "injected_at"),
        Db.instant(rs, "detected_at"),
        Db.instant(rs, "fault_ended_at"),
        Db.instant(rs, "recovered_at"),
        Db.instant(rs, "closed_at"),
        Db.longOrNull(rs, "detection_ms"),
        Db.longOrNull(rs, "recovery_ms"),
        rs.getString("verdict"),
        rs.getString("reason"),
        rs.getString("run_id"),
        rs.getString("node_id"),
        rs.getString("fired_by"));
  }
}
