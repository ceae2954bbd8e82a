package org.daysofchaos.scoreboard.persistence;

import java.time.Instant;

/** The halt-all switch ({@code chaos_halt}, one row), shared by every node of a cluster. */
public final class HaltStore {
  /** Whether new injections are blocked, since when, by whom and why. */
  public record State(boolean halted, Instant since, String actor, String reason) {}

  private final Db db;

  public HaltStore(Db db) {
    this.db = db;
  }

  public State get() {
    return db.one(
            "SELECT halted, since, actor, reason FROM chaos_halt WHERE id = 1",
            rs ->
                new State(
                    rs.getBoolean("halted"),
                    Db.instant(rs, "since"),
                    rs.getString("actor"),
                    rs.getString("reason")))
        .orElse(new State(false, null, null, null));
  }

  public void set(boolean halted, String actor, String reason, Instant at) {
    db.update(
        "UPDATE chaos_halt SET halted = ?, since = ?, actor = ?, reason = ? WHERE id = 1",
        halted,
        at,
        actor,
        reason == null ? null : AuditLog.cut(reason, 2000));
  }
}
