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
   *
   * @param plays the game day's plays so far: the {@link Committed#through number} of the last one
   *     committed (each play of the game day takes the next number as it commits)
   */
  public record Version(
      long plays,
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

  /**
   * Plays of a game day in the order they committed, and the number of the last one: reading the
   * plays after that number next time misses none, whichever node recorded them and however their
   * commits overlapped (ids do not tell: one is taken before its insert commits, so play 8 can
   * commit after play 9).
   */
  public record Committed(List<PlayRecord> plays, long through) {}

  private record Numbered(long seq, PlayRecord play) {}

  private final Db db;

  public PlayStore(Db db) {
    this.db = db;
  }

  /**
   * Records a play; its id is the order of recording, its number in the game day the order of
   * commits ({@link Committed}). Empty if the request key was used.
   *
   * @throws IllegalArgumentException if the game day is not stored
   */
  public Optional<PlayRecord> insert(PlayRecord p, String requestKey) {
    if (requestKey != null && byRequestKey(p.username(), requestKey).isPresent()) {
      return Optional.empty();
    }
    long seq;
    try {
      seq = db.inTransaction(tx -> numbered(tx, p, requestKey));
    } catch (Db.DbException e) {
      if (requestKey != null && byRequestKey(p.username(), requestKey).isPresent()) {
        return Optional.empty(); // the same request, twice at once
      }
      throw e;
    }
    return db.one(
        "SELECT " + COLUMNS + " FROM chaos_play WHERE game_day_id = ? AND seq = ?",
        PlayStore::row,
        p.gameDayId(),
        seq);
  }

  /**
   * Counts the play in its game day's row and writes it with that number, in one transaction: the
   * row stays locked until the commit, so the next play of the game day (from any node) takes the
   * next number only once this one is committed, and numbers commit in order.
   */
  private static long numbered(Db.Transaction tx, PlayRecord p, String requestKey) {
    String day = p.gameDayId();
    if (tx.update("UPDATE chaos_game_day SET play_seq = play_seq + 1 WHERE id = ?", day) != 1) {
      throw new IllegalArgumentException("no game day " + day);
    }
    long seq =
        tx.one("SELECT play_seq FROM chaos_game_day WHERE id = ?", rs -> rs.getLong(1), day)
            .orElseThrow();
    tx.update(
        "INSERT INTO chaos_play (game_day_id, incident_id, team, username, type, played_at,"
            + " outcome, hint_index, detail, request_key, seq)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        day,
        p.incidentId(),
        p.team(),
        p.username(),
        p.type(),
        p.at(),
        p.outcome(),
        p.hintIndex(),
        p.detail(),
        requestKey,
        seq);
    return seq;
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
   * The plays committed after the one numbered {@code afterSeq} (0: all of them), in commit order:
   * what a live board reads.
   */
  public Committed ofGameDayAfter(String gameDayId, long afterSeq) {
    List<Numbered> rows =
        db.query(
            "SELECT "
                + COLUMNS
                + ", seq FROM chaos_play WHERE game_day_id = ? AND seq > ? ORDER BY seq",
            rs -> new Numbered(rs.getLong("seq"), row(rs)),
            gameDayId,
            afterSeq);
    return new Committed(
        rows.stream().map(Numbered::play).toList(),
        rows.isEmpty() ? afterSeq : rows.get(rows.size() - 1).seq());
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
    long reviewed =
        db.one(
                "SELECT COUNT(reviewed_at) FROM chaos_play WHERE game_day_id = ?",
                rs -> rs.getLong(1),
                gameDayId)
            .orElse(0L);
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
                "SELECT play_seq, state, board_frozen_at FROM chaos_game_day WHERE id = ?",
                rs ->
                    new Version(
                        rs.getLong("play_seq"),
                        0,
                        0,
                        0,
                        0,
                        rs.getString("state"),
                        Db.instant(rs, "board_frozen_at")),
                gameDayId)
            .orElse(new Version(0, 0, 0, 0, 0, null, null));
    return new Version(
        day.plays(), reviewed, incidents[0], incidents[1], alerts, day.state(), day.frozenAt());
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
