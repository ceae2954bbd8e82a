package org.daysofchaos.scoreboard.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.scoreboard.persistence.Db;

/** Accounts ({@code chaos_account}) and their tokens ({@code chaos_token}). */
public final class AccountStore {
  /** What a token is for: a web session or an API token (for scripts); both expire. */
  public enum TokenKind {
    SESSION,
    API
  }

  /** An account with its hash, for the login check only. */
  record Stored(Account account, String passwordHash) {}

  private static final String COLUMNS =
      "username, password_hash, role, game_day_id, team, must_change_password, disabled,"
          + " created_at, created_by";

  private final Db db;

  public AccountStore(Db db) {
    this.db = db;
  }

  /** Inserts an account; false when the username is taken (cluster-safe: the key decides). */
  boolean insert(Account a, String passwordHash) {
    if (find(a.username()).isPresent()) {
      return false;
    }
    try {
      db.update(
          "INSERT INTO chaos_account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          a.username(),
          passwordHash,
          a.role(),
          a.gameDayId(),
          a.team(),
          a.mustChangePassword(),
          a.disabled(),
          a.createdAt(),
          a.createdBy());
      return true;
    } catch (Db.DbException e) {
      if (find(a.username()).isPresent()) {
        return false; // another node inserted it in between
      }
      throw e;
    }
  }

  Optional<Stored> find(String username) {
    return db.one(
        "SELECT " + COLUMNS + " FROM chaos_account WHERE username = ?",
        rs -> new Stored(account(rs), rs.getString("password_hash")),
        username);
  }

  public List<Account> list() {
    return db.query(
        "SELECT " + COLUMNS + " FROM chaos_account ORDER BY role, game_day_id, team, username",
        AccountStore::account);
  }

  boolean anyGameMaster() {
    return db.one(
                "SELECT COUNT(*) FROM chaos_account WHERE role = ? AND disabled = FALSE",
                rs -> rs.getLong(1),
                Role.GAME_MASTER)
            .orElse(0L)
        > 0;
  }

  void setPassword(String username, String hash, boolean mustChange) {
    db.update(
        "UPDATE chaos_account SET password_hash = ?, must_change_password = ? WHERE username = ?",
        hash,
        mustChange,
        username);
  }

  boolean disable(String username) {
    int changed =
        db.update(
            "UPDATE chaos_account SET disabled = TRUE WHERE username = ? AND disabled = FALSE",
            username);
    db.update("UPDATE chaos_token SET revoked = TRUE WHERE username = ?", username);
    return changed == 1;
  }

  void insertToken(
      String hash, String username, TokenKind kind, String label, Instant at, Instant expires) {
    db.update(
        "INSERT INTO chaos_token (token_hash, username, kind, label, created_at, expires_at,"
            + " revoked) VALUES (?, ?, ?, ?, ?, ?, FALSE)",
        hash,
        username,
        kind,
        label,
        at,
        expires);
  }

  /**
   * The live account behind a token that is neither revoked nor expired. A token stored without an
   * expiry (API tokens made before they had one) expires {@code legacyLifetime} after it was made.
   */
  Optional<Account> byToken(String hash, Instant now, Instant legacyCreatedAfter) {
    return db.one(
        "SELECT a.username, a.password_hash, a.role, a.game_day_id, a.team,"
            + " a.must_change_password, a.disabled, a.created_at, a.created_by"
            + " FROM chaos_token t JOIN chaos_account a ON a.username = t.username"
            + " WHERE t.token_hash = ? AND t.revoked = FALSE AND a.disabled = FALSE"
            + " AND (t.expires_at > ? OR (t.expires_at IS NULL AND t.created_at > ?))",
        AccountStore::account,
        hash,
        now,
        legacyCreatedAfter);
  }

  /** A token as its owner may see it: never the secret, nor its whole hash. */
  public record TokenInfo(
      String id, TokenKind kind, String label, Instant createdAt, Instant expiresAt) {}

  /** The account's tokens that still work, newest first. */
  List<TokenInfo> tokens(String username, Instant now, Instant legacyCreatedAfter) {
    return db.query(
        "SELECT token_hash, kind, label, created_at, expires_at FROM chaos_token"
            + " WHERE username = ? AND revoked = FALSE"
            + " AND (expires_at > ? OR (expires_at IS NULL AND created_at > ?))"
            + " ORDER BY created_at DESC",
        rs ->
            new TokenInfo(
                tokenId(rs.getString("token_hash")),
                TokenKind.valueOf(rs.getString("kind")),
                rs.getString("label"),
                Db.instant(rs, "created_at"),
                Db.instant(rs, "expires_at")),
        username,
        now,
        legacyCreatedAfter);
  }

  /**
   * A token's public name: the first 16 hex digits of its SHA-256. It names the token in lists and
   * revocations and opens nothing.
   */
  static String tokenId(String hash) {
    return hash.substring(0, 16);
  }

  /** Revokes one of the account's tokens by its id; false when the account has no such token. */
  boolean revokeToken(String username, String id) {
    if (!id.matches("[0-9a-f]{16}")) {
      return false;
    }
    return db.update(
            "UPDATE chaos_token SET revoked = TRUE"
                + " WHERE username = ? AND token_hash LIKE ? AND revoked = FALSE",
            username,
            id + "%")
        > 0;
  }

  void revokeToken(String hash) {
    db.update("UPDATE chaos_token SET revoked = TRUE WHERE token_hash = ?", hash);
  }

  /** Every session and API token of the account: its password changed. */
  void revokeAllTokens(String username) {
    db.update(
        "UPDATE chaos_token SET revoked = TRUE WHERE username = ? AND revoked = FALSE", username);
  }

  private static Account account(ResultSet rs) throws SQLException {
    return new Account(
        rs.getString("username"),
        Role.valueOf(rs.getString("role")),
        rs.getString("game_day_id"),
        rs.getString("team"),
        rs.getBoolean("must_change_password"),
        rs.getBoolean("disabled"),
        Db.instant(rs, "created_at"),
        rs.getString("created_by"));
  }
}
