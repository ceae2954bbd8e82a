package org.daysofchaos.scoreboard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.daysofchaos.scoreboard.persistence.AuditLog;

/**
 * Creating accounts, logging in and out, one-time passwords and API tokens. Every change is
 * audited; failures are {@link IllegalArgumentException} (bad input) or {@link LoginFailed}.
 */
public final class Accounts {
  /** Wrong username or password, said the same way for both so names cannot be probed. */
  public static final class LoginFailed extends RuntimeException {
    LoginFailed() {
      super("wrong username or password");
    }
  }

  /** A new session: its token goes into the cookie, once. */
  public record Session(String token, Account account, Instant expiresAt) {}

  /** A new account and its one-time password, shown once. */
  public record Created(Account account, String oneTimePassword) {}

  private static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,62}";
  // What the sign-in guard counts every unknown username under.
  private static final String UNKNOWN_ACCOUNT = "(unknown account)";

  private final AccountStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration sessionLifetime;
  private final Duration apiTokenLifetime;
  private final Predicate<TeamRef> teamExists;
  private final SignInGuard guard;

  /** A team of a game day, as a player account names it. */
  public record TeamRef(String gameDayId, String team) {}

  public Accounts(
      AccountStore store,
      AuditLog audit,
      Clock clock,
      Duration sessionLifetime,
      Duration apiTokenLifetime,
      Predicate<TeamRef> teamExists,
      SignInGuard guard) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.sessionLifetime = sessionLifetime;
    this.apiTokenLifetime = apiTokenLifetime;
    this.teamExists = teamExists;
    this.guard = guard;
  }

  /** Creates an account with a one-time password that must be changed at first login. */
  public Created create(String username, Role role, String gameDayId, String team, String actor) {
    checkUsername(username);
    if (role == null) {
      throw new IllegalArgumentException("role: give one of game-master, player, viewer");
    }
    checkTeam(role, gameDayId, team);
    String password = Passwords.oneTime();
    Account account =
        new Account(
            username,
            role,
            role == Role.PLAYER ? gameDayId : null,
            role == Role.PLAYER ? team : null,
            true,
            false,
            clock.instant(),
            actor);
    if (!store.insert(account, Passwords.hashOneTime(password))) {
      throw new IllegalStateException("username: '" + username + "' is taken");
    }
    audit.record(actor, "account-created", "account " + username, describe(account));
    return new Created(account, password);
  }

  /**
   * The first game master, created on a server's first start when none exists. With a configured
   * password (for automation) it is ready to use; otherwise its one-time password is returned to be
   * printed once. Empty when a game master exists or another node created it first.
   */
  public Optional<Created> bootstrap(String username, Optional<String> configuredPassword) {
    if (store.anyGameMaster()) {
      return Optional.empty();
    }
    checkUsername(username);
    configuredPassword.ifPresent(
        pw -> Passwords.checkNew("chaos.security.admin.password", pw, username));
    String password = configuredPassword.orElseGet(Passwords::oneTime);
    Account account =
        new Account(
            username,
            Role.GAME_MASTER,
            null,
            null,
            configuredPassword.isEmpty(),
            false,
            clock.instant(),
            "server");
    String hash =
        configuredPassword.isPresent() ? Passwords.hash(password) : Passwords.hashOneTime(password);
    if (!store.insert(account, hash)) {
      return Optional.empty();
    }
    audit.record("server", "account-created", "account " + username, describe(account));
    return Optional.of(new Created(account, configuredPassword.isPresent() ? null : password));
  }

  /**
   * Signs in from a client address, through the {@link SignInGuard}: refused ({@link
   * SignInGuard.Refused}) before any password check when the address or the account tried too
   * often; every wrong password is audited.
   */
  public Session login(String username, String password, String address) {
    guard.admitAddress(address);
    String name = username == null ? "" : username.strip();
    Optional<AccountStore.Stored> stored = name.isEmpty() ? Optional.empty() : store.find(name);
    String key = stored.map(s -> s.account().username()).orElse(UNKNOWN_ACCOUNT);
    try (SignInGuard.Permit permit = guard.admitAccount(key, address)) {
      // An unknown username is checked against the decoy: a sign-in takes as long either way.
      String hash = stored.map(AccountStore.Stored::passwordHash).orElse(Passwords.DECOY_HASH);
      boolean ok = Passwords.matches(password, hash);
      if (stored.isEmpty() || !ok || stored.get().account().disabled()) {
        failed(key, address, stored.isPresent() && ok);
        throw new LoginFailed();
      }
    }
    guard.succeeded(key, address);
    Account account = stored.get().account();
    String token = Passwords.token();
    Instant now = clock.instant();
    Instant expires = now.plus(sessionLifetime);
    store.insertToken(
        Passwords.tokenHash(token),
        account.username(),
        AccountStore.TokenKind.SESSION,
        "web session",
        now,
        expires);
    return new Session(token, account, expires);
  }

  /**
   * Audits a failed sign-in. The name of an unknown account is not kept: it is often a password
   * typed into the wrong field.
   */
  private void failed(String key, String address, boolean disabledAccount) {
    Optional<Duration> lock = guard.failed(key, address);
    String subject = key.equals(UNKNOWN_ACCOUNT) ? "an unknown account" : "account " + key;
    String why = disabledAccount ? "the account is disabled" : "wrong password";
    audit.record(AuditLog.ANONYMOUS, "sign-in-failed", subject, "from " + address + ": " + why);
    lock.ifPresent(
        d ->
            audit.record(
                AuditLog.ANONYMOUS,
                "sign-in-locked",
                subject,
                "from " + address + ": no sign-in for " + d.toSeconds() + " s after failures"));
  }

  public void logout(String token) {
    store.revokeToken(Passwords.tokenHash(token));
  }

  /** Replaces a password after checking the current one; other sessions of the account end. */
  public void changePassword(String username, String current, String replacement) {
    AccountStore.Stored stored = store.find(username).orElseThrow(LoginFailed::new);
    if (!Passwords.matches(current, stored.passwordHash())) {
      throw new IllegalArgumentException("currentPassword: that is not the current password");
    }
    Passwords.checkNew("newPassword", replacement, username);
    if (replacement.equals(current)) {
      throw new IllegalArgumentException("newPassword: choose a password you have not used here");
    }
    store.setPassword(username, Passwords.hash(replacement), false);
    store.revokeAllTokens(username);
    audit.record(
        username,
        "password-changed",
        "account " + username,
        "its sessions and API tokens are revoked");
  }

  /** A new API token: the secret, shown once; its id; until when it works. */
  public record NewToken(String token, String id, String label, Instant expiresAt) {}

  /** A new API token for the account, returned once; only its hash is kept. */
  public NewToken newApiToken(String username, String label) {
    String text = label == null || label.isBlank() ? "api token" : label.strip();
    if (text.length() > 200) {
      throw new IllegalArgumentException("label: at most 200 characters");
    }
    String token = Passwords.token();
    String hash = Passwords.tokenHash(token);
    Instant now = clock.instant();
    Instant expires = now.plus(apiTokenLifetime);
    store.insertToken(hash, username, AccountStore.TokenKind.API, text, now, expires);
    String id = AccountStore.tokenId(hash);
    audit.record(
        username,
        "token-created",
        "account " + username,
        text + " (id " + id + ", until " + expires + ")");
    return new NewToken(token, id, text, expires);
  }

  /** The account's sessions and API tokens that still work, without their secrets. */
  public List<AccountStore.TokenInfo> tokens(String username) {
    Instant now = clock.instant();
    return store.tokens(username, now, now.minus(apiTokenLifetime));
  }

  /** Revokes one of the account's own tokens by its id (404 when it has none by that id). */
  public void revokeToken(String username, String id) {
    if (!store.revokeToken(username, id)) {
      throw new NoSuchToken(id);
    }
    audit.record(username, "token-revoked", "account " + username, "token " + id);
  }

  /** No token of that id for this account (404). */
  public static final class NoSuchToken extends RuntimeException {
    NoSuchToken(String id) {
      super("no token '" + id + "' of yours that still works");
    }
  }

  public void disable(String username, String actor) {
    if (username.equals(actor)) {
      throw new IllegalStateException("a game master cannot disable their own account");
    }
    store.find(username).orElseThrow(() -> new NoSuchAccount(username));
    if (store.disable(username)) {
      audit.record(actor, "account-disabled", "account " + username, "its tokens are revoked");
    }
  }

  public Optional<Account> identify(String token) {
    Instant now = clock.instant();
    return store.byToken(Passwords.tokenHash(token), now, now.minus(apiTokenLifetime));
  }

  public Optional<Account> find(String username) {
    return store.find(username).map(AccountStore.Stored::account);
  }

  public List<Account> list() {
    return store.list();
  }

  /** No account of that name (404). */
  public static final class NoSuchAccount extends RuntimeException {
    NoSuchAccount(String username) {
      super("no account '" + username + "'");
    }
  }

  private void checkTeam(Role role, String gameDayId, String team) {
    if (role != Role.PLAYER) {
      if (team != null || gameDayId != null) {
        throw new IllegalArgumentException(
            "team: only a player belongs to a team (this account is a " + role.roleName() + ")");
      }
      return;
    }
    if (gameDayId == null || gameDayId.isBlank() || team == null || team.isBlank()) {
      throw new IllegalArgumentException("team: a player needs a gameDay and a team");
    }
    if (!teamExists.test(new TeamRef(gameDayId, team))) {
      throw new IllegalArgumentException(
          "team: game day '" + gameDayId + "' has no team '" + team + "'");
    }
  }

  private static void checkUsername(String username) {
    if (username == null || !username.matches(USERNAME)) {
      throw new IllegalArgumentException(
          "username: 2 to 63 characters, lower-case letters, digits, '.', '_' or '-', starting"
              + " with a letter or digit");
    }
  }

  private static String describe(Account a) {
    return a.role().roleName()
        + (a.team() == null ? "" : " of team " + a.team() + " in " + a.gameDayId());
  }
}
