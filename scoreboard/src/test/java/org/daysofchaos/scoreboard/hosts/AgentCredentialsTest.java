package org.daysofchaos.scoreboard.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.TestDatabases;
import org.daysofchaos.scoreboard.persistence.TestDatabases.TestDatabase;
import org.daysofchaos.scoreboard.security.Passwords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Agent credentials on both databases: shown once, kept as a hash, refused once revoked. */
class AgentCredentialsTest {
  final List<String> revoked = new ArrayList<>();

  private static TestDatabase open(String kind) {
    return kind.equals("H2") ? TestDatabases.h2() : TestDatabases.postgres();
  }

  private AgentCredentials credentials(Db db) {
    Clock clock = Clock.systemUTC();
    return new AgentCredentials(db, new AuditLog(db, clock, "test-node"), clock, revoked::add);
  }

  @ParameterizedTest
  @ValueSource(strings = {"H2", "PostgreSQL"})
  void aCredentialIsShownOnceKeptAsItsHashAndRefusedOnceRevoked(String kind) {
    try (TestDatabase database = open(kind)) {
      Db db = new Db(database.dataSource());
      AgentCredentials credentials = credentials(db);

      AgentCredentials.NewCredential issued = credentials.issue("web-1", "gm");
      assertThat(issued.credential()).hasSizeGreaterThan(40);
      assertThat(issued.agent().revoked()).isFalse();
      List<String> stored =
          db.query("SELECT credential_hash FROM chaos_agent", rs -> rs.getString(1));
      assertThat(stored)
          .containsExactly(Passwords.tokenHash(issued.credential()))
          .doesNotContain(issued.credential());
      assertThat(credentials.identify(issued.credential())).contains("web-1");
      assertThat(credentials.identify("doc_unknown")).isEmpty();

      assertThatThrownBy(() -> credentials.issue("web-1", "gm"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("revoke it first");

      credentials.revoke("web-1", "gm");
      assertThat(revoked).containsExactly("web-1");
      assertThat(credentials.identify(issued.credential())).isEmpty();
      assertThat(credentials.list()).singleElement().matches(AgentCredentials.Issued::revoked);

      AgentCredentials.NewCredential again = credentials.issue("web-1", "gm");
      assertThat(again.credential()).isNotEqualTo(issued.credential());
      assertThat(credentials.identify(again.credential())).contains("web-1");
      assertThat(credentials.identify(issued.credential())).isEmpty();
      assertThat(
              db.query("SELECT action FROM chaos_audit ORDER BY id", rs -> rs.getString("action")))
          .containsSubsequence(
              "agent-credential-issued", "agent-credential-revoked", "agent-credential-issued");
    }
  }

  @Test
  void namesAreCheckedAndUnknownAgentsCannotBeRevoked() {
    try (TestDatabase database = TestDatabases.h2()) {
      AgentCredentials credentials = credentials(new Db(database.dataSource()));
      assertThatThrownBy(() -> credentials.issue("Web 1", "gm"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("name:");
      assertThatThrownBy(() -> credentials.issue(null, "gm"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> credentials.revoke("nobody", "gm"))
          .hasMessageContaining("no agent 'nobody'");
      assertThat(revoked).isEmpty();
    }
  }
}
