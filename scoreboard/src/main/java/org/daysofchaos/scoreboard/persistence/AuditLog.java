package org.daysofchaos.scoreboard.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Who did what, and when (table {@code chaos_audit}): every injection, revert, halt and
 * administrative action. The actor is "anonymous" for people until accounts arrive, "scheduler" for
 * what the schedule fires and "recovery" for what a restart reverts.
 */
public final class AuditLog {
  public static final String ANONYMOUS = "anonymous";
  public static final String SCHEDULER = "scheduler";
  public static final String RECOVERY = "recovery";

  /** One line of the audit log. */
  public record Entry(
      long id,
      Instant at,
      String actor,
      String action,
      String subject,
      String detail,
      String node) {}

  private final Db db;
  private final Clock clock;
  private final String nodeId;

  public AuditLog(Db db, Clock clock, String nodeId) {
    this.db = db;
    this.clock = clock;
    this.nodeId = nodeId;
  }

  public void record(String actor, String action, String subject, String detail) {
    db.update(
        "INSERT INTO chaos_audit (occurred_at, actor, action, subject, detail, node_id)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        clock.instant(),
        actor,
        action,
        cut(subject, 500),
        cut(detail == null ? "" : detail, 4000),
        nodeId);
  }

  /** The latest entries, newest first; {@code action} filters when not null. */
  public List<Entry> recent(int limit, String action) {
    String where = action == null ? "" : " WHERE action = ?";
    Object[] args = action == null ? new Object[0] : new Object[] {action};
    return db.query(
        "SELECT id, occurred_at, actor, action, subject, detail, node_id FROM chaos_audit"
            + where
            + " ORDER BY id DESC FETCH FIRST "
            + Math.max(1, limit)
            + " ROWS ONLY",
        rs ->
            new Entry(
                rs.getLong("id"),
                Db.instant(rs, "occurred_at"),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("subject"),
                rs.getString("detail"),
                rs.getString("node_id")),
        args);
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
