package org.daysofchaos.scoreboard.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.daysofchaos.agents.host.AgentConfig;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.TestDatabases;
import org.daysofchaos.scoreboard.persistence.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's own agent: one file allowed, a new credential at each start, a fresh folder. */
class DemoHostAgentTest {
  @TempDir Path dir;

  @Test
  void itMayChangeTheBookingConfigAndNothingElse() {
    Path file = dir.resolve("booking.properties");

    AgentConfig config = DemoHostAgent.config(file, dir.resolve("state"), Duration.ofSeconds(5));

    assertThat(config.name()).isEqualTo("demo-host");
    assertThat(config.allow().files()).containsOnlyKeys("booking-config");
    assertThat(config.allow().files().get("booking-config").path()).isEqualTo(file.toString());
    assertThat(config.allow().processes()).isEmpty();
    assertThat(config.allow().disks()).isEmpty();
    assertThat(config.allow().cpu()).isEmpty();
    assertThat(config.allow().memory()).isEmpty();
    assertThat(config.allow().ports()).isEmpty();
  }

  @Test
  void eachStartRevokesThePreviousCredentialAndEmptiesTheFolder() throws Exception {
    Path state = dir.resolve("demo-host");
    Path file = Files.writeString(dir.resolve("booking.properties"), "payment.pool.size=8\n");
    try (TestDatabase database = TestDatabases.h2()) {
      Db db = new Db(database.dataSource());
      Clock clock = Clock.systemUTC();
      AgentCredentials credentials =
          new AgentCredentials(db, new AuditLog(db, clock, "test-node"), clock, name -> {});

      DemoHostAgent.open(credentials, file, state, Duration.ofSeconds(5)).close();
      Files.writeString(state.resolve("left-over"), "from a previous start");
      DemoHostAgent.open(credentials, file, state, Duration.ofSeconds(5)).close();

      assertThat(credentials.list())
          .singleElement()
          .matches(issued -> issued.name().equals("demo-host") && !issued.revoked());
      assertThat(
              db.query("SELECT action FROM chaos_audit ORDER BY id", rs -> rs.getString("action")))
          .containsExactly(
              "agent-credential-issued", "agent-credential-revoked", "agent-credential-issued");
      assertThat(state.resolve("left-over")).doesNotExist();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
          .isEqualTo("rwx------");
      assertThat(Files.readString(file)).isEqualTo("payment.pool.size=8\n");
    }
  }
}
