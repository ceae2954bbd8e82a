package org.daysofchaos.scoreboard.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Game days ({@code chaos_game_day}), their teams and their scenarios as loaded. */
public final class GameDayStore {
  /** Where a game day is in its life. */
  public enum State {
    LOADED,
    RUNNING,
    PAUSED,
    /** Its window closed. */
    FINISHED,
    /** A game master stopped it. */
    STOPPED;

    public boolean live() {
      return this == RUNNING || this == PAUSED;
    }
  }

  /** A stored game day. */
  public record Row(
      String id,
      String name,
      String source,
      String yaml,
      State state,
      Instant opensAt,
      Instant closesAt,
      Instant loadedAt,
      Instant startedAt,
      Instant pausedAt,
      Instant resumedAt,
      Instant endedAt,
      boolean blind) {}

  /** One scenario of a game day, with the version it was loaded with. */
  public record SlotRow(int slot, String scenarioId, String scenarioSha256, String timing) {}

  private static final String COLUMNS =
      "id, name, source, yaml, state, opens_at, closes_at, loaded_at, started_at, paused_at,"
          + " resumed_at, ended_at, blind";

  private final Db db;

  public GameDayStore(Db db) {
    this.db = db;
  }

  /**
   * Stores a game day, replacing an earlier version that is not running.
   *
   * @throws IllegalStateException if a game day of that id is running or paused
   */
  public synchronized void save(
      String id,
      String name,
      String source,
      String yaml,
      boolean blind,
      List<String> teams,
      List<SlotRow> slots,
      Instant at) {
    Optional<Row> existing = find(id);
    if (existing.isPresent() && existing.get().state().live()) {
      throw new IllegalStateException(
          "game day " + id + " is " + existing.get().state() + "; stop it before replacing it");
    }
    if (existing.isPresent()) {
      db.update("DELETE FROM chaos_team WHERE game_day_id = ?", id);
      db.update("DELETE FROM chaos_game_day_slot WHERE game_day_id = ?", id);
      db.update(
          "UPDATE chaos_game_day SET name = ?, source = ?, yaml = ?, state = 'LOADED',"
              + " opens_at = NULL, closes_at = NULL, loaded_at = ?, started_at = NULL,"
              + " paused_at = NULL, resumed_at = NULL, ended_at = NULL, blind = ? WHERE id = ?",
          AuditLog.cut(name, 500),
          AuditLog.cut(source, 1000),
          yaml,
          at,
          blind,
          id);
    } else {
      db.update(
          "INSERT INTO chaos_game_day (id, name, source, yaml, state, loaded_at, blind)"
              + " VALUES (?, ?, ?, ?, 'LOADED', ?, ?)",
          id,
          AuditLog.cut(name, 500),
          AuditLog.cut(source, 1000),
          yaml,
          at,
          blind);
    }
    for (int i = 0; i < teams.size(); i++) {
      db.update(
          "INSERT INTO chaos_team (game_day_id, name, ordinal) VALUES (?, ?, ?)",
          id,
          teams.get(i),
          i);
    }
    for (SlotRow slot : slots) {
      db.update(
          "INSERT INTO chaos_game_day_slot (game_day_id, slot, scenario_id, scenario_sha256,"
              + " timing) VALUES (?, ?, ?, ?, ?)",
          id,
          slot.slot(),
          slot.scenarioId(),
          slot.scenarioSha256(),
          AuditLog.cut(slot.timing(), 500));
    }
  }

  public Optional<Row> find(String id) {
    return db.one("SELECT " + COLUMNS + " FROM chaos_game_day WHERE id = ?", GameDayStore::row, id);
  }

  public List<Row> list() {
    return db.query(
        "SELECT " + COLUMNS + " FROM chaos_game_day ORDER BY loaded_at, id", GameDayStore::row);
  }

  public List<String> teams(String id) {
    return db.query(
        "SELECT name FROM chaos_team WHERE game_day_id = ? ORDER BY ordinal",
        rs -> rs.getString(1),
        id);
  }

  public List<SlotRow> slots(String id) {
    return db.query(
        "SELECT slot, scenario_id, scenario_sha256, timing FROM chaos_game_day_slot"
            + " WHERE game_day_id = ? ORDER BY slot",
        rs ->
            new SlotRow(
                rs.getInt("slot"),
                rs.getString("scenario_id"),
                rs.getString("scenario_sha256"),
                rs.getString("timing")),
        id);
  }

  /** LOADED, FINISHED or STOPPED to RUNNING; false if it was in none of these. */
  public boolean start(String id, Instant at, Instant opensAt, Instant closesAt) {
    return db.update(
            "UPDATE chaos_game_day SET state = 'RUNNING', started_at = ?, opens_at = ?,"
                + " closes_at = ?, paused_at = NULL, resumed_at = NULL, ended_at = NULL"
                + " WHERE id = ? AND state IN ('LOADED', 'FINISHED', 'STOPPED')",
            at,
            opensAt,
            closesAt,
            id)
        == 1;
  }

  /** Moves from one state to another; false if it was not in {@code from}. */
  public boolean transition(String id, State from, State to, Instant at) {
    String stamp =
        switch (to) {
          case PAUSED -> ", paused_at = ?";
          case RUNNING -> ", paused_at = NULL, resumed_at = ?";
          case FINISHED, STOPPED -> ", ended_at = ?";
          case LOADED -> ", loaded_at = ?";
        };
    return db.update(
            "UPDATE chaos_game_day SET state = ?" + stamp + " WHERE id = ? AND state = ?",
            to,
            at,
            id,
            from)
        == 1;
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("source"),
        rs.getString("yaml"),
        State.valueOf(rs.getString("state")),
        Db.instant(rs, "opens_at"),
        Db.instant(rs, "closes_at"),
        Db.instant(rs, "loaded_at"),
        Db.instant(rs, "started_at"),
        Db.instant(rs, "paused_at"),
        Db.instant(rs, "resumed_at"),
        Db.instant(rs, "ended_at"),
        rs.getBoolean("blind"));
  }
}
