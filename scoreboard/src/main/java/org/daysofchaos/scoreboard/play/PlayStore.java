package org.daysofchaos.scoreboard.play;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.PlayType;
import org.daysofchaos.scoreboard.persistence.Db;

/** The plays of every game day ({@code chaos_play}), and the board's freeze. */
public final class PlayStore {
  private static final String COLUMNS =
      "id, game_day_id, incident_id, team, username, type, played_at, outcome, hint_index, detail,"
          + " reviewed_by, reviewed_at";

  /**
   * A cheap summary that changes whenever the board may have: the push polls it. The game day's
   * state and freeze are in it too, for a board that no viewer watched while they changed.
   */
  public record Version(
      long plays,
      long lastId,
      long reviewed,
      long incidents,
      long closed,
      long alerts,
      String state,
      Instant frozenAt) {
    /** A number that grows with every change of the board's facts. */
    public long total() {
      return plays + reviewed + incidents + closed + alerts;
    }

    /** The part of {@link #total} that teams make, without the incidents' own progress. */
    public long ofPlays() {
      return plays + reviewed + alerts;
    }
  }

  private final Db db;

  public PlayStore(Db db) {
    this.db = db;
  }

  /** Records a play; its id is the order of recording. Empty if the request key was used. */
  public Optional<PlayRecord> insert(PlayRecord p, String requestKey) {
    if (requestKey != null && byRequestKey(p.username(), requestKey).isPresent()) {
      return Optional.empty();
    }
    try {
      db.update(
          "INSERT INTO chaos_play (game_day_id, incident_id, team, username, type, played_at,"
              + " outcome, hint_index, detail, request_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          p.gameDayId(),
          p.incidentId(),
          p.team(),
          p.username(),
          p.type(),
          p.at(),
          p.outcome(),
          p.hintIndex(),
          p.detail(),
          requestKey);
    } catch (Db.DbException e) {
      if (requestKey != null && byRequestKey(p.username(), requestKey).isPresent()) {
        return Optional.empty(); // the same request, twice at once
      }
      throw e;
    }
    // The row just written: by request key when there is one, else the user's latest.
    return requestKey != null
        ? byRequestKey(p.username(), requestKey)
        : db.one(
            "SELECT "
                + COLUMNS
                + " FROM chaos_play WHERE username = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
            PlayStore::row,
            p.username());
  }

  private Optional<PlayRecord> byRequestKey(String username, String key) {
    return db.one(
        "SELECT " + COLUMNS + " FROM chaos_play WHERE username = ? AND request_key = ?",
        PlayStore::row,
        username,
        key);
  }

  /** Plays {@code username} recorded since {@code since} (the per-minute limit). */
  public long countSince(String username, Instant since) {
    return db.one(
            "SELECT COUNT(*) FROM chaos_play WHERE username = ? AND played_at > ?",
            rs -> rs.getLong(1),
            username,
            since)
        .orElse(0L);
  }

  /** Plays of a team about one incident; {@code incidentId} null: those about none. */
  public long countOfTeam(String gameDayId, String team, String incidentId) {
    String incident = incidentId == null ? "incident_id IS NULL" : "incident_id = ?";
    Object[] args =
        incidentId == null
            ? new Object[] {gameDayId, team}
            : new Object[] {gameDayId, team, incidentId};
    return db.one(
            "SELECT COUNT(*) FROM chaos_play WHERE game_day_id = ? AND team = ? AND " + incident,
            rs -> rs.getLong(1),
            args)
        .orElse(0L);
  }

  public Optional<PlayRecord> find(long id) {
    return db.one("SELECT " + COLUMNS + " FROM chaos_play WHERE id = ?", PlayStore::row, id);
  }

  public List<PlayRecord> ofGameDay(String gameDayId) {
    return db.query(
        "SELECT " + COLUMNS + " FROM chaos_play WHERE game_day_id = ? ORDER BY id",
        PlayStore::row,
        gameDayId);
  }

  /**
   * The plays recorded after the one with id {@code afterId}, in order: what a live board reads.
   */
  public List<PlayRecord> ofGameDayAfter(String gameDayId, long afterId) {
    return db.query(
        "SELECT " + COLUMNS + " FROM chaos_play WHERE game_day_id = ? AND id > ? ORDER BY id",
        PlayStore::row,
        gameDayId,
        afterId);
  }

  public List<PlayRecord> ofTeam(String gameDayId, String team) {
    return db.query(
        "SELECT " + COLUMNS + " FROM chaos_play WHERE game_day_id = ? AND team = ? ORDER BY id",
        PlayStore::row,
        gameDayId,
        team);
  }

  /** The plays of one type of a team in a game day, in order (served by an index). */
  public List<PlayRecord> ofTeam(String gameDayId, String team, PlayType type) {
    return db.query(
        "SELECT "
            + COLUMNS
            + " FROM chaos_play WHERE game_day_id = ? AND team = ? AND type = ? ORDER BY id",
        PlayStore::row,
        gameDayId,
        team,
        type);
  }

  public List<PlayRecord> pendingReviews(String gameDayId) {
    return db.query(
        "SELECT "
            + COLUMNS
            + " FROM chaos_play WHERE game_day_id = ? AND type = ? AND outcome = ? ORDER BY id",
        PlayStore::row,
        gameDayId,
        PlayType.DIAGNOSIS,
        Outcome.PENDING);
  }

  /** Judges a pending play; false if it was judged already (by another game master). */
  public boolean review(long id, Outcome outcome, String reviewer, Instant at) {
    return db.update(
            "UPDATE chaos_play SET outcome = ?, reviewed_by = ?, reviewed_at = ?"
                + " WHERE id = ? AND outcome = ?",
            outcome,
            reviewer,
            at,
            id,
            Outcome.PENDING)
        == 1;
  }

  public Version version(String gameDayId) {
    long[] plays =
        db.one(
                "SELECT COUNT(*), COALESCE(MAX(id), 0), COUNT(reviewed_at) FROM chaos_play"
                    + " WHERE game_day_id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                gameDayId)
            .orElseThrow();
    long[] incidents =
        db.one(
                "SELECT COUNT(injected_at), COUNT(closed_at) FROM chaos_incident"
                    + " WHERE game_day_id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                gameDayId)
            .orElseThrow();
    long alerts =
        db.one(
                "SELECT COUNT(*) FROM chaos_alert a JOIN chaos_incident i ON i.id = a.incident_id"
                    + " WHERE i.game_day_id = ? AND a.team IS NOT NULL",
                rs -> rs.getLong(1),
                gameDayId)
            .orElse(0L);
    Version day =
        db.one(
                "SELECT state, board_frozen_at FROM chaos_game_day WHERE id = ?",
                rs ->
                    new Version(
                        0, 0, 0, 0, 0, 0, rs.getString("state"), Db.instant(rs, "board_frozen_at")),
                gameDayId)
            .orElse(new Version(0, 0, 0, 0, 0, 0, null, null));
    return new Version(
        plays[0],
        plays[1],
        plays[2],
        incidents[0],
        incidents[1],
        alerts,
        day.state(),
        day.frozenAt());
  }

  public Optional<Instant> frozenAt(String gameDayId) {
    return db.one(
            "SELECT board_frozen_at FROM chaos_game_day WHERE id = ?",
            rs -> Optional.ofNullable(Db.instant(rs, "board_frozen_at")),
            gameDayId)
        .flatMap(o -> o);
  }

  public void setFrozenAt(String gameDayId, Instant at) {
    db.update("UPDATE chaos_game_day SET board_frozen_at = ? WHERE id = ?", at, gameDayId);
  }

  private static PlayRecord row(ResultSet rs) throws SQLException {
    return new PlayRecord(
        rs.getLong("id"),
        rs.getString("game_day_id"),
        rs.getString("incident_id"),
        rs.getString("team"),
        rs.getString("username"),
        PlayType.valueOf(rs.getString("type")),
        Db.instant(rs, "played_at"),
        Outcome.valueOf(rs.getString("outcome")),
        rs.getInt("hint_index"),
        rs.getString("detail"),
        rs.getString("reviewed_by"),
        Db.instant(rs, "reviewed_at"));
  }
}
