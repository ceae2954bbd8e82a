package org.daysofchaos.scoreboard.persistence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server nodes and their last heartbeat ({@code chaos_node}). */
public final class NodeStore {
  private final Db db;

  public NodeStore(Db db) {
    this.db = db;
  }

  public void started(String nodeId, Instant at) {
    if (db.update(
            "UPDATE chaos_node SET started_at = ?, heartbeat_at = ? WHERE id = ?", at, at, nodeId)
        == 0) {
      db.update(
          "INSERT INTO chaos_node (id, started_at, heartbeat_at) VALUES (?, ?, ?)", nodeId, at, at);
    }
  }

  public void heartbeat(String nodeId, Instant at) {
    if (db.update("UPDATE chaos_node SET heartbeat_at = ? WHERE id = ?", at, nodeId) == 0) {
      started(nodeId, at);
    }
  }

  /** The last heartbeat of every node that ever ran. */
  public Map<String, Instant> heartbeats() {
    Map<String, Instant> beats = new LinkedHashMap<>();
    db.query(
        "SELECT id, heartbeat_at FROM chaos_node ORDER BY id",
        rs -> beats.put(rs.getString("id"), Db.instant(rs, "heartbeat_at")));
    return beats;
  }
}
