package org.daysofchaos.scoreboard.hosts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.security.Passwords;

/**
 * The agents' credentials ({@code chaos_agent}): a game master issues one per agent name and sees
 * it once; the server keeps only its SHA-256. A revoked credential authenticates nothing; issuing
 * the name again gives it a new credential (a rotation), never the old one back.
 */
public final class AgentCredentials {
  /** An agent's credential as the API shows it (never the credential itself). */
  public record Issued(String name, Instant createdAt, String createdBy, boolean revoked) {}

  /** A new credential, shown only in this answer. */
  public record NewCredential(Issued agent, String credential) {}

  private static final String NAME = "[a-z0-9][a-z0-9._-]{0,62}";
  private static final String COLUMNS = "name, created_at, created_by, revoked";

  private final Db db;
  private final AuditLog audit;
  private final Clock clock;
  private final Consumer<String> onRevoke;

  /**
   * @param onRevoke told the name of an agent whose credential was just revoked
   */
  public AgentCredentials(Db db, AuditLog audit, Clock clock, Consumer<String> onRevoke) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
    this.onRevoke = onRevoke;
  }

  /**
   * Issues a credential to an agent name: a new name, or a revoked one (its new credential).
   *
   * @throws IllegalArgumentException when the name is not a valid agent name
   * @throws IllegalStateException when the name has a live credential already
   */
  public NewCredential issue(String name, String actor) {
    if (name == null || !name.matches(NAME)) {
      throw new IllegalArgumentException(
          "name: 1 to 63 characters, lower-case letters, digits, '.', '_' or '-', e.g. web-1");
    }
    Optional<Issued> before = find(name);
    if (before.isPresent() && !before.get().revoked()) {
      throw new IllegalStateException(
          "name: agent '" + name + "' has a credential already; revoke it first to issue another");
    }
    String credential = Passwords.token();
    Instant now = clock.instant();
    if (before.isPresent()) {
      db.update(
          "UPDATE chaos_agent SET credential_hash = ?, created_at = ?, created_by = ?,"
              + " revoked = FALSE WHERE name = ?",
          Passwords.tokenHash(credential),
          now,
          actor,
          name);
    } else {
      db.update(
          "INSERT INTO chaos_agent (name, credential_hash, created_at, created_by, revoked)"
              + " VALUES (?, ?, ?, ?, FALSE)",
          name,
          Passwords.tokenHash(credential),
          now,
          actor);
    }
    audit.record(actor, "agent-credential-issued", "agent " + name, "");
    return new NewCredential(find(name).orElseThrow(), credential);
  }

  /**
   * Revokes an agent's credential: its next call is refused, and its faults end with their leases.
   */
  public void revoke(String name, String actor) {
    if (db.update("UPDATE chaos_agent SET revoked = TRUE WHERE name = ?", name) == 0) {
      throw new jakarta.ws.rs.NotFoundException("no agent '" + name + "'");
    }
    audit.record(actor, "agent-credential-revoked", "agent " + name, "");
    onRevoke.accept(name);
  }

  /** Every agent a credential was issued to, revoked or not, by name. */
  public List<Issued> list() {
    return db.query("SELECT " + COLUMNS + " FROM chaos_agent ORDER BY name", AgentCredentials::row);
  }

  /** The name of the agent a live credential belongs to. */
  public Optional<String> identify(String credential) {
    return db.one(
        "SELECT name FROM chaos_agent WHERE credential_hash = ? AND revoked = FALSE",
        rs -> rs.getString("name"),
        Passwords.tokenHash(credential));
  }

  public Optional<Issued> find(String name) {
    return db.one(
        "SELECT " + COLUMNS + " FROM chaos_agent WHERE name = ?", AgentCredentials::row, name);
  }

  private static Issued row(ResultSet rs) throws SQLException {
    return new Issued(
        rs.getString("name"),
        Db.instant(rs, "created_at"),
        rs.getString("created_by"),
        rs.getBoolean("revoked"));
  }
}
