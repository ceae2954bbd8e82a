package org.daysofchaos.scoreboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.daysofchaos.core.testing.ManualClock;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API tokens expire, a password change revokes them all, and one can be listed and revoked. */
class AccountTokensTest {
  static final String PASSWORD = "Correct-Horse-Battery-71";
  final ManualClock clock = ManualClock.at("2025-06-01T10:00:00Z");
  final TestDatabases.TestDatabase database = TestDatabases.h2();
  final Db db = new Db(database.dataSource());
  final SignInGuard guard =
      new SignInGuard(
          new SignInGuard.Limits(30, 10, 5, Duration.ofSeconds(30), Duration.ofMinutes(15), 2),
          clock);
  final Accounts accounts =
      new Accounts(
          new AccountStore(db),
          new AuditLog(db, clock, "node"),
          clock,
          Duration.ofHours(12),
          Duration.ofDays(30),
          team -> true,
          guard);

  @AfterEach
  void close() {
    database.close();
  }

  private String ready(String username) {
    String oneTime = accounts.create(username, Role.VIEWER, null, null, "test").oneTimePassword();
    accounts.changePassword(username, oneTime, PASSWORD);
    return username;
  }

  @Test
  void anApiTokenExpiresAfterTheConfiguredLifetime() {
    ready("ann");
    Accounts.NewToken token = accounts.newApiToken("ann", "ci");
    assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));

    clock.advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(accounts.identify(token.token())).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(accounts.identify(token.token())).isEmpty();
    assertThat(accounts.tokens("ann")).isEmpty();
  }

  @Test
  void aTokenMadeBeforeTokensExpiredGetsTheSameLifetimeFromItsCreation() {
    ready("ann");
    String legacy = Passwords.token();
    db.update(
        "INSERT INTO chaos_token (token_hash, username, kind, label, created_at, expires_at,"
            + " revoked) VALUES (?, 'ann', 'API', 'old', ?, NULL, FALSE)",
        Passwords.tokenHash(legacy),
        clock.instant().minus(Duration.ofDays(29)));

    assertThat(accounts.identify(legacy)).isPresent();
    clock.advance(Duration.ofDays(1));
    assertThat(accounts.identify(legacy)).isEmpty();
  }

  @Test
  void aPasswordChangeRevokesEverySessionAndApiTokenOfTheAccount() {
    ready("ann");
    ready("bob");
    Accounts.NewToken api = accounts.newApiToken("ann", "alertmanager");
    Accounts.Session session = accounts.login("ann", PASSWORD, "192.0.2.1");
    Accounts.NewToken bobs = accounts.newApiToken("bob", "ci");

    accounts.changePassword("ann", PASSWORD, "Another-Good-Passphrase-42");

    assertThat(accounts.identify(api.token())).isEmpty();
    assertThat(accounts.identify(session.token())).isEmpty();
    assertThat(accounts.identify(bobs.token())).as("another account's token").isPresent();
  }

  @Test
  void anAccountListsItsTokensWithoutSecretsAndRevokesOneByItsId() {
    ready("ann");
    ready("bob");
    Accounts.NewToken ci = accounts.newApiToken("ann", "ci");
    Accounts.NewToken alerts = accounts.newApiToken("ann", "alertmanager");
    accounts.login("ann", PASSWORD, "192.0.2.1");

    assertThat(accounts.tokens("ann"))
        .extracting(AccountStore.TokenInfo::label)
        .containsExactlyInAnyOrder("ci", "alertmanager", "web session");
    assertThat(accounts.tokens("ann").toString())
        .doesNotContain(ci.token())
        .doesNotContain(Passwords.tokenHash(ci.token()));
    assertThat(ci.id()).hasSize(16).isNotEqualTo(alerts.id());

    assertThatThrownBy(() -> accounts.revokeToken("bob", ci.id()))
        .as("not bob's token")
        .isInstanceOf(Accounts.NoSuchToken.class);
    accounts.revokeToken("ann", ci.id());

    assertThat(accounts.identify(ci.token())).isEmpty();
    assertThat(accounts.identify(alerts.token())).isPresent();
    assertThat(accounts.tokens("ann"))
        .extracting(AccountStore.TokenInfo::id)
        .doesNotContain(ci.id())
        .contains(alerts.id());
    assertThatThrownBy(() -> accounts.revokeToken("ann", ci.id()))
        .isInstanceOf(Accounts.NoSuchToken.class);
  }
}
