package org.daysofchaos.scoreboard.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.ledger.Ledger;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.spi.RevertRecord;

/**
 * The injection ledger in the server's database (table {@code chaos_injection}). Each call is one
 * auto-committed statement, so it is durable when it returns: the intent is on disk before the
 * injector touches anything. Rows also say which incident and which server node they belong to, so
 * that crash recovery and the other nodes of a cluster know whose faults they are.
 */
public final class JdbcLedger implements Ledger {
  /** A ledger row: the entry, its incident (if any) and the node that injected it. */
  public record Row(LedgerEntry entry, String incidentId, String nodeId) {}

  private static final String COLUMNS =
      "injection_id, run_id, incident_id, scenario_id, kind, target, description, state,"
          + " backend, revert_record, expires_at, updated_at, node_id";

  private final Db db;
  private final String nodeId;

  public JdbcLedger(Db db, String nodeId) {
    this.db = db;
    this.nodeId = nodeId;
  }

  public String nodeId() {
    return nodeId;
  }

  @Override
  public void intend(LedgerEntry entry) {
    intend(entry, null);
  }

  /** Records the intent to inject for an incident, before anything touches the target. */
  public void intend(LedgerEntry entry, String incidentId) {
    db.update(
        "INSERT INTO chaos_injection ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entry.injectionId(),
        entry.runId(),
        incidentId,
        entry.scenarioId(),
        entry.kind(),
        entry.target(),
        entry.description(),
        entry.state(),
        entry.backend(),
        Json.write(entry.revertRecord().data()),
        entry.expiresAt(),
        entry.updatedAt(),
        nodeId);
  }

  @Override
  public void activate(String injectionId, RevertRecord revertRecord, Instant at) {
    require(
        db.update(
            "UPDATE chaos_injection SET state = ?, backend = ?, revert_record = ?, updated_at = ?"
                + " WHERE injection_id = ?",
            LedgerEntry.State.ACTIVE,
            revertRecord.backend(),
            Json.write(revertRecord.data()),
            at,
            injectionId),
        injectionId);
  }

  @Override
  public void close(String injectionId, LedgerEntry.State finalState, Instant at) {
    require(
        db.update(
            "UPDATE chaos_injection SET state = ?, updated_at = ? WHERE injection_id = ?",
            finalState,
            at,
            injectionId),
        injectionId);
  }

  @Override
  public List<LedgerEntry> open() {
    return openRows().stream().map(Row::entry).toList();
  }

  /** Every injection that may still be in effect, on any node, oldest first. */
  public List<Row> openRows() {
    return db.query(
        "SELECT "
            + COLUMNS
            + " FROM chaos_injection WHERE state IN ('INTENDED', 'ACTIVE')"
            + " ORDER BY updated_at, injection_id",
        JdbcLedger::row);
  }

  public List<Row> openRowsOf(String incidentId) {
    return db.query(
        "SELECT "
            + COLUMNS
            + " FROM chaos_injection WHERE incident_id = ? AND state IN ('INTENDED', 'ACTIVE')"
            + " ORDER BY updated_at, injection_id",
        JdbcLedger::row,
        incidentId);
  }

  public Optional<Row> find(String injectionId) {
    return db.one(
        "SELECT " + COLUMNS + " FROM chaos_injection WHERE injection_id = ?",
        JdbcLedger::row,
        injectionId);
  }

  /** The latest rows, newest first. */
  public List<Row> recent(int limit) {
    return db.query(
        "SELECT "
            + COLUMNS
            + " FROM chaos_injection ORDER BY updated_at DESC, injection_id"
            + " FETCH FIRST "
            + Math.max(1, limit)
            + " ROWS ONLY",
        JdbcLedger::row);
  }

  public List<Row> ofIncident(String incidentId) {
    return db.query(
        "SELECT "
            + COLUMNS
            + " FROM chaos_injection WHERE incident_id = ?"
            + " ORDER BY updated_at, injection_id",
        JdbcLedger::row,
        incidentId);
  }

  public long countOpen() {
    return db.one(
            "SELECT COUNT(*) FROM chaos_injection WHERE state IN ('INTENDED', 'ACTIVE')",
            rs -> rs.getLong(1))
        .orElse(0L);
  }

  private static void require(int updated, String injectionId) {
    if (updated != 1) {
      throw new IllegalStateException("injection " + injectionId + " is not in the ledger");
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    LedgerEntry entry =
        new LedgerEntry(
            rs.getString("injection_id"),
            rs.getString("run_id"),
            rs.getString("scenario_id"),
            rs.getString("kind"),
            rs.getString("target"),
            rs.getString("description"),
            LedgerEntry.State.valueOf(rs.getString("state")),
            new RevertRecord(rs.getString("backend"), Json.read(rs.getString("revert_record"))),
            Db.instant(rs, "expires_at"),
            Db.instant(rs, "updated_at"));
    return new Row(entry, rs.getString("incident_id"), rs.getString("node_id"));
  }
}
