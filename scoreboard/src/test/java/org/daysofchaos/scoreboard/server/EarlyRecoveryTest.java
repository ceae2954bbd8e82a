package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.core.spi.Reverter;
import org.daysofchaos.core.spi.Reverters;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.JdbcLedger;
import org.daysofchaos.scoreboard.persistence.Migrations;
import org.daysofchaos.scoreboard.persistence.TestDatabases;
import org.daysofchaos.scoreboard.persistence.TestDatabases.TestDatabase;
import org.daysofchaos.scoreboard.safety.LedgerRecovery;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The recovery that runs before Quarkus boots, over a plain H2 database and a stub reverter. */
class EarlyRecoveryTest {
  static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);

  /** Reverts records of backend "stub", except those whose data says fail=yes. */
  static final class StubReverter implements Reverter {
    final List<String> reverted = new ArrayList<>();

    @Override
    public String backend() {
      return "stub";
    }

    @Override
    public void revert(RevertRecord record) {
      if ("yes".equals(record.data().get("fail"))) {
        throw new IllegalStateException("target unreachable");
      }
      reverted.add(record.data().get("what"));
    }
  }

  @Test
  void revertsThisNodesRowsClosesThemAndLeavesAFailedOneForLater() {
    try (TestDatabases.TestDatabase h2 = TestDatabases.h2()) {
      Db db = new Db(h2.dataSource());
      IncidentStore incidents = new IncidentStore(db);
      incidents.insertRunning("inc-ok", "day", 0, "s/ok", "sha", T0, T0, "me", "test");
      incidents.insertRunning("inc-bad", "day", 1, "s/bad", "sha", T0, T0, "me", "test");
      incidents.insertRunning("inc-other", "day", 2, "s/x", "sha", T0, T0, "other", "test");
      active(db, "me", "i1", "inc-ok", Map.of("what", "latency"));
      active(db, "me", "i2", "inc-ok", Map.of("what", "pause"));
      active(db, "me", "i3", "inc-bad", Map.of("what", "lost", "fail", "yes"));
      active(db, "me", "i4", null, Map.of("what", "orphan"));
      active(db, "other", "i5", "inc-other", Map.of("what", "not mine"));
      StubReverter stub = new StubReverter();

      LedgerRecovery.Report report =
          EarlyRecovery.recover(h2.dataSource(), "me", () -> Reverters.of(List.of(stub)), CLOCK);

      assertThat(stub.reverted).containsExactlyInAnyOrder("latency", "pause", "orphan");
      assertThat(report.reverted()).isEqualTo(3);
      assertThat(report.failed()).isEqualTo(1);
      assertThat(report.incidents()).containsExactly("inc-ok");
      JdbcLedger ledger = new JdbcLedger(db, "me");
      assertThat(ledger.openRows())
          .extracting(r -> r.entry().injectionId())
          .as("the failed revert and the other node's row stay open for the recovery after boot")
          .containsExactlyInAnyOrder("i3", "i5");
      assertThat(ledger.find("i1").orElseThrow().entry().state())
          .isEqualTo(LedgerEntry.State.REVERTED);
      Incident ok = incidents.find("inc-ok").orElseThrow();
      assertThat(ok.state()).isEqualTo(Incident.State.CLOSED);
      assertThat(ok.verdict()).isEqualTo("ABORTED");
      assertThat(incidents.journal("inc-ok"))
          .anyMatch(e -> e.message().contains("(early-recovery, node me)"));
      assertThat(incidents.find("inc-bad").orElseThrow().state())
          .as("an incident with a fault left is for the recovery after boot to close, once")
          .isEqualTo(Incident.State.RUNNING);
      assertThat(incidents.find("inc-other").orElseThrow().state())
          .isEqualTo(Incident.State.RUNNING);
      assertThat(new AuditLog(db, CLOCK, "me").recent(20, "revert"))
          .anyMatch(e -> e.detail().contains("early-recovery"));

      // A second start finds only what is still left: nothing is reverted or closed twice.
      LedgerRecovery.Report again =
          EarlyRecovery.recover(h2.dataSource(), "me", () -> Reverters.of(List.of(stub)), CLOCK);
      assertThat(again.reverted()).isZero();
      assertThat(again.failed()).isEqualTo(1);
      assertThat(stub.reverted).hasSize(3);
    }
  }

  @Test
  void aDatabaseWithoutTheSchemaIsLeftAlone() {
    JdbcDataSource empty = new JdbcDataSource();
    empty.setURL("jdbc:h2:mem:empty-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    StubReverter stub = new StubReverter();

    LedgerRecovery.Report report =
        EarlyRecovery.recover(empty, "me", () -> Reverters.of(List.of(stub)), CLOCK);

    assertThat(report.didSomething()).isFalse();
    assertThat(stub.reverted).isEmpty();
  }

  @Test
  void readsTheConfigurationQuarkusWillRunWith() throws Exception {
    // The packaged application.properties (found without scanning the class path) and, above it,
    // system properties, which is how ChaosMain hands over the command line's options.
    System.setProperty("chaos.node.id", "early-config-test");
    try {
      var config = EarlyRecovery.config();
      assertThat(config.getValue("chaos.node.id", String.class)).isEqualTo("early-config-test");
      assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
          .startsWith("jdbc:h2:");
    } finally {
      System.clearProperty("chaos.node.id");
    }
  }

  @Test
  void flywayIsSkippedOnlyOnADatabaseThatHasEveryMigration() throws Exception {
    var config = EarlyRecovery.config();
    DataSource stale = TestDatabases.emptyH2();
    TestDatabases.migrate(stale, "14");
    try (TestDatabase current = TestDatabases.h2();
        Connection upToDate = current.dataSource().getConnection();
        Connection behind = stale.getConnection()) {
      EarlyRecovery.skipFlywayIfCurrent(config, behind);
      assertThat(System.getProperty(EarlyRecovery.FLYWAY_ACTIVE)).isNull();

      System.setProperty(Migrations.SKIP_WHEN_CURRENT, "false");
      EarlyRecovery.skipFlywayIfCurrent(EarlyRecovery.config(), upToDate);
      assertThat(System.getProperty(EarlyRecovery.FLYWAY_ACTIVE)).isNull();

      System.clearProperty(Migrations.SKIP_WHEN_CURRENT);
      EarlyRecovery.skipFlywayIfCurrent(EarlyRecovery.config(), upToDate);
      assertThat(System.getProperty(EarlyRecovery.FLYWAY_ACTIVE)).isEqualTo("false");
    } finally {
      System.clearProperty(Migrations.SKIP_WHEN_CURRENT);
      System.clearProperty(EarlyRecovery.FLYWAY_ACTIVE);
    }
  }

  @Test
  void withTheDemoFlywayIsStillSkippedButNothingIsReverted() throws Exception {
    try (TestDatabase h2 = TestDatabases.h2()) {
      Db db = new Db(h2.dataSource());
      new IncidentStore(db).insertRunning("inc", "day", 0, "s/ok", "sha", T0, T0, "me", "test");
      active(db, "me", "i1", "inc", Map.of("what", "latency"));
      System.setProperty("chaos.demo.enabled", "true");
      System.setProperty("chaos.node.id", "me");
      System.setProperty("quarkus.datasource.jdbc.url", h2.jdbcUrl());
      System.setProperty("quarkus.datasource.username", "sa");
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      EarlyRecovery.run(new PrintStream(out, true, StandardCharsets.UTF_8));

      assertThat(System.getProperty(EarlyRecovery.FLYWAY_ACTIVE)).isEqualTo("false");
      // The demo's faults are reverted after boot, through the demo it starts again.
      assertThat(new JdbcLedger(db, "me").open()).hasSize(1);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    } finally {
      for (String key :
          List.of(
              "chaos.demo.enabled",
              "chaos.node.id",
              "quarkus.datasource.jdbc.url",
              "quarkus.datasource.username",
              EarlyRecovery.FLYWAY_ACTIVE)) {
        System.clearProperty(key);
      }
    }
  }

  @Test
  void aSkippedPassNeverPrintsAPasswordOfTheUrl() {
    assertThat(
            EarlyRecovery.redacted(
                "No suitable driver found for jdbc:postgresql://db/chaos?user=a&password=s3cret"))
        .doesNotContain("s3cret")
        .contains("password=***");
  }

  private static void active(
      Db db, String node, String injection, String incident, Map<String, String> data) {
    JdbcLedger ledger = new JdbcLedger(db, node);
    LedgerEntry intended =
        new LedgerEntry(
            injection,
            "run-" + injection,
            "s/x",
            "stub/fault",
            "target-" + injection,
            "a stub fault",
            LedgerEntry.State.INTENDED,
            RevertRecord.NONE,
            T0.plusSeconds(600),
            T0);
    ledger.intend(intended, incident);
    ledger.activate(injection, new RevertRecord("stub", data), T0);
  }
}
