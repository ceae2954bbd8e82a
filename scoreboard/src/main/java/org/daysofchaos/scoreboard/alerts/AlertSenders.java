package org.daysofchaos.scoreboard.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.security.Passwords;

/**
 * The Alertmanagers allowed to post alerts ({@code chaos_alert_sender}): a game master registers
 * each one, for a team of a game day or for none (the game's own monitoring), and gets its token
 * once. A player's token cannot post alerts: a team would only have to post the alert its scenario
 * names to earn the own-alerting bonus.
 */
public final class AlertSenders {
  /** A registered sender as the API shows it (never its token). */
  public record Sender(
      String name,
      String gameDay,
      String team,
      Instant createdAt,
      String createdBy,
      boolean revoked) {
    /** Who posts, as the intake records it. */
    public AlertSource source() {
      return new AlertSource("alert-sender:" + name, team, gameDay);
    }
  }

  /** A new sender and its token, shown only now. */
  public record Registered(Sender sender, String token) {}

  private static final String NAME = "[a-z0-9][a-z0-9._-]{0,62}";
  private static final String COLUMNS = "name, game_day_id, team, created_at, created_by, revoked";

  private final Db db;
  private final AuditLog audit;
  private final Clock clock;
  private final BiPredicate<String, String> teamExists;

  /**
   * @param teamExists whether a game day (first) has a team (second)
   */
  public AlertSenders(Db db, AuditLog audit, Clock clock, BiPredicate<String, String> teamExists) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
    this.teamExists = teamExists;
  }

  /** Registers a sender; {@code gameDay} and {@code team} both, or neither. */
  public Registered register(String name, String gameDay, String team, String actor) {
    if (name == null || !name.matches(NAME)) {
      throw new IllegalArgumentException(
          "name: 1 to 63 characters, lower-case letters, digits, '.', '_' or '-', e.g."
              + " blue-alertmanager");
    }
    if ((gameDay == null) != (team == null)) {
      throw new IllegalArgumentException(
          "team: give both gameDay and team (a team's Alertmanager), or neither (the game's own)");
    }
    if (team != null && !teamExists.test(gameDay, team)) {
      throw new IllegalArgumentException(
          "team: game day '" + gameDay + "' has no team '" + team + "'");
    }
    if (find(name).isPresent()) {
      throw new IllegalStateException("name: an alert sender '" + name + "' exists already");
    }
    String token = Passwords.token();
    Instant now = clock.instant();
    db.update(
        "INSERT INTO chaos_alert_sender (name, token_hash, game_day_id, team, created_at,"
            + " created_by, revoked) VALUES (?, ?, ?, ?, ?, ?, FALSE)",
        name,
        Passwords.tokenHash(token),
        gameDay,
        team,
        now,
        actor);
    audit.record(
        actor,
        "alert-sender-registered",
        "alert sender " + name,
        team == null ? "for no team" : "for team " + team + " of " + gameDay);
    return new Registered(find(name).orElseThrow(), token);
  }

  /** Revokes a sender's token; its alerts already recorded stay. */
  public void revoke(String name, String actor) {
    if (db.update("UPDATE chaos_alert_sender SET revoked = TRUE WHERE name = ?", name) == 0) {
      throw new jakarta.ws.rs.NotFoundException("no alert sender '" + name + "'");
    }
    audit.record(actor, "alert-sender-revoked", "alert sender " + name, "");
  }

  public List<Sender> list() {
    return db.query(
        "SELECT " + COLUMNS + " FROM chaos_alert_sender ORDER BY name", AlertSenders::row);
  }

  /** The live sender a token belongs to. */
  public Optional<Sender> identify(String token) {
    return db.one(
        "SELECT " + COLUMNS + " FROM chaos_alert_sender WHERE token_hash = ? AND revoked = FALSE",
        AlertSenders::row,
        Passwords.tokenHash(token));
  }

  private Optional<Sender> find(String name) {
    return db.one(
        "SELECT " + COLUMNS + " FROM chaos_alert_sender WHERE name = ?", AlertSenders::row, name);
  }

  private static Sender row(ResultSet rs) throws SQLException {
    return new Sender(
        rs.getString("name"),
        rs.getString("game_day_id"),
        rs.getString("team"),
        Db.instant(rs, "created_at"),
        rs.getString("created_by"),
        rs.getBoolean("revoked"));
  }
}
