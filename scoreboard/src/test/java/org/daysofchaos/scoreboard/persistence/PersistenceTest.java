package org.daysofchaos.scoreboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.scoreboard.persistence.TestDatabases.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schema and the stores, on H2 and on a real PostgreSQL alike. */
class PersistenceTest {
  enum Kind {
    H2,
    POSTGRESQL;

    TestDatabase open() {
      return this == H2 ? TestDatabases.h2() : TestDatabases.postgres();
    }
  }

  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.123456Z");

  private static LedgerEntry entry(String id, String run, Instant at) {
    return new LedgerEntry(
        id,
        run,
        "demo/payment-latency",
        "network/latency",
        "proxy payment",
        "latency 800ms",
        LedgerEntry.State.INTENDED,
        RevertRecord.NONE,
        at.plusSeconds(330),
        at);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void migrationsCreateOurTablesAndQuartzs(Kind kind) throws Exception {
    try (TestDatabase db = kind.open();
        Connection c = db.dataSource().getConnection();
        ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME").toLowerCase());
      }
      assertThat(names)
          .contains(
              "chaos_scenario",
              "chaos_game_day",
              "chaos_team",
              "chaos_game_day_slot",
              "chaos_incident",
              "chaos_journal_event",
              "chaos_injection",
              "chaos_audit",
              "chaos_halt",
              "chaos_node",
              "qrtz_job_details",
              "qrtz_triggers",
              "qrtz_simple_triggers",
              "qrtz_cron_triggers",
              "qrtz_fired_triggers",
              "qrtz_scheduler_state",
              "qrtz_locks");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anIntentIsDurableAndVisibleToOtherConnectionsWhenIntendReturns(Kind kind) {
    try (TestDatabase db = kind.open()) {
      JdbcLedger writer = new JdbcLedger(new Db(db.dataSource()), "node-a");
      JdbcLedger reader = new JdbcLedger(new Db(db.dataSource()), "node-b");

      writer.intend(entry("run1-0", "run1", T0), "inc-1");

      assertThat(reader.openRows())
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row.entry()).isEqualTo(entry("run1-0", "run1", T0));
                assertThat(row.incidentId()).isEqualTo("inc-1");
                assertThat(row.nodeId()).isEqualTo("node-a");
              });
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void theLedgerKeepsTheRevertRecordThroughActivationAndClosing(Kind kind) {
    try (TestDatabase db = kind.open()) {
      JdbcLedger ledger = new JdbcLedger(new Db(db.dataSource()), "node-a");
      RevertRecord record =
          new RevertRecord("toxiproxy", Map.of("proxy", "payment", "toxic", "daysofchaos-run1-0"));
      ledger.intend(entry("run1-0", "run1", T0), "inc-1");
      ledger.intend(entry("run2-0", "run2", T0.plusSeconds(1)), "inc-2");

      ledger.activate("run1-0", record, T0.plusMillis(5));
      assertThat(ledger.open())
          .extracting(LedgerEntry::injectionId, LedgerEntry::state)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("run1-0", LedgerEntry.State.ACTIVE),
              org.assertj.core.groups.Tuple.tuple("run2-0", LedgerEntry.State.INTENDED));
      ledger.close("run1-0", LedgerEntry.State.REVERTED, T0.plusSeconds(30));

      assertThat(ledger.open()).extracting(LedgerEntry::injectionId).containsExactly("run2-0");
      LedgerEntry closed = ledger.find("run1-0").orElseThrow().entry();
      assertThat(closed.state()).isEqualTo(LedgerEntry.State.REVERTED);
      assertThat(closed.revertRecord()).isEqualTo(record);
      assertThat(closed.updatedAt()).isEqualTo(T0.plusSeconds(30));
      assertThat(ledger.openRowsOf("inc-2")).hasSize(1);
      assertThat(ledger.countOpen()).isOne();
      assertThatThrownBy(() -> ledger.close("nope", LedgerEntry.State.REVERTED, T0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("nope");
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void exactlyOneOfManyConcurrentClaimsGetsAScheduledIncident(Kind kind) throws Exception {
    try (TestDatabase db = kind.open()) {
      IncidentStore store = new IncidentStore(new Db(db.dataSource()));
      store.insertScheduled("inc-1", null, null, "demo/x", "sha", T0, "scheduler");
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          String node = "node-" + i;
          Callable<Boolean> claim = () -> store.claim("inc-1", node, T0, "scheduler");
          claims.add(pool.submit(claim));
        }
        int won = 0;
        for (Future<Boolean> claim : claims) {
          won += claim.get() ? 1 : 0;
        }
        assertThat(won).isOne();
      } finally {
        pool.shutdownNow();
      }
      assertThat(store.find("inc-1").orElseThrow().state()).isEqualTo(Incident.State.RUNNING);
      assertThat(store.markMissed("inc-1", "late", T0)).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void anIncidentKeepsItsJournalAndWhatItsRunMeasured(Kind kind) {
    try (TestDatabase db = kind.open()) {
      IncidentStore store = new IncidentStore(new Db(db.dataSource()));
      store.insertRunning("inc-1", "day", 2, "demo/x", "sha", T0, T0, "node-a", "anonymous");
      JournalEvent started =
          new JournalEvent(T0, EventType.RUN_STARTED, "run r1 of demo/x", Map.of("run", "r1"));
      JournalEvent verdict =
          new JournalEvent(
              T0.plusSeconds(40), EventType.VERDICT, "PASSED: ok", Map.of("verdict", "PASSED"));
      store.append("inc-1", started);
      store.append("inc-1", verdict);
      Instant injected = T0.plusMillis(700);
      RunResult result =
          new RunResult(
              "r1",
              "demo/x",
              "X",
              Optional.empty(),
              Verdict.PASSED,
              "the system recovered",
              T0,
              Optional.of(injected),
              Optional.of(
                  new Measurement(
                      injected.plusSeconds(1),
                      Duration.ofSeconds(1),
                      "signal",
                      Duration.ofSeconds(1))),
              Optional.of(injected.plusSeconds(30)),
              Optional.of(
                  new Measurement(
                      injected.plusSeconds(35),
                      Duration.ofSeconds(35),
                      "held",
                      Duration.ofSeconds(1))),
              true,
              List.of(started, verdict));

      store.close("inc-1", result, T0.plusSeconds(40));

      Incident incident = store.find("inc-1").orElseThrow();
      assertThat(incident.state()).isEqualTo(Incident.State.CLOSED);
      assertThat(incident.verdict()).isEqualTo("PASSED");
      assertThat(incident.injectedAt()).isEqualTo(injected);
      assertThat(incident.detectionMillis()).isEqualTo(1000L);
      assertThat(incident.recoveryMillis()).isEqualTo(35_000L);
      assertThat(incident.slot()).isEqualTo(2);
      assertThat(store.journal("inc-1")).containsExactly(started, verdict);
      assertThat(store.list("day", Incident.State.CLOSED, 10)).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void theHaltSwitchAndTheAuditLogRoundTrip(Kind kind) {
    try (TestDatabase db = kind.open()) {
      Db jdbc = new Db(db.dataSource());
      HaltStore halt = new HaltStore(jdbc);
      AuditLog audit = new AuditLog(jdbc, Clock.systemUTC(), "node-a");
      assertThat(halt.get().halted()).isFalse();

      halt.set(true, "anonymous", "too much", T0);
      audit.record("anonymous", "halt", "all injections", "too much");

      assertThat(halt.get()).isEqualTo(new HaltStore.State(true, T0, "anonymous", "too much"));
      assertThat(audit.recent(10, "halt"))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.actor()).isEqualTo("anonymous");
                assertThat(e.subject()).isEqualTo("all injections");
                assertThat(e.node()).isEqualTo("node-a");
                assertThat(e.at()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
              });
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aRunningGameDayCannotBeReplaced(Kind kind) {
    try (TestDatabase db = kind.open()) {
      Db jdbc = new Db(db.dataSource());
      GameDayStore store = new GameDayStore(jdbc);
      List<GameDayStore.SlotRow> slots =
          List.of(new GameDayStore.SlotRow(0, "demo/x", "sha", "at +1m"));
      store.save("day", "Day", "day.yaml", "id: day", false, List.of("blue", "red"), slots, T0);
      assertThat(store.start("day", T0, T0, T0.plusSeconds(600))).isTrue();
      assertThat(store.start("day", T0, T0, T0.plusSeconds(600))).isFalse();

      assertThatThrownBy(
              () -> store.save("day", "Day 2", "day.yaml", "id: day", false, List.of(), slots, T0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("RUNNING");
      assertThat(
              store.transition("day", GameDayStore.State.RUNNING, GameDayStore.State.STOPPED, T0))
          .isTrue();
      store.save("day", "Day 2", "day.yaml", "id: day", true, List.of("green"), slots, T0);

      assertThat(store.find("day").orElseThrow().name()).isEqualTo("Day 2");
      assertThat(store.find("day").orElseThrow().blind()).isTrue();
      assertThat(store.teams("day")).containsExactly("green");
      assertThat(store.slots("day")).isEqualTo(slots);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aScenarioVersionIsStoredOnceAndTheLastLoadedIsTheLatest(Kind kind) {
    try (TestDatabase db = kind.open()) {
      ScenarioStore store = new ScenarioStore(new Db(db.dataSource()));
      ScenarioStore.Stored v1 = store.save("demo/x", "X", "x.yaml", "id: demo/x\n", T0);
      ScenarioStore.Stored v2 =
          store.save("demo/x", "X", "x.yaml", "id: demo/x\n# v2\n", T0.plusSeconds(1));
      ScenarioStore.Stored again =
          store.save(
              "demo/x", "X", "y.yaml", "id: demo/x\n", T0.plusSeconds(2).plusNanos(1_234_567));

      assertThat(v1.sha256()).isNotEqualTo(v2.sha256()).hasSize(64);
      assertThat(store.latest()).singleElement().isEqualTo(again);
      assertThat(again.sha256()).isEqualTo(v1.sha256());
      assertThat(again.source()).isEqualTo("y.yaml");
      assertThat(store.find("demo/x", v2.sha256())).isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void instantsKeepMicrosecondsAndComeBackInUtc(Kind kind) {
    try (TestDatabase db = kind.open()) {
      DataSource ds = db.dataSource();
      NodeStore nodes = new NodeStore(new Db(ds));
      Instant at = T0.truncatedTo(ChronoUnit.MICROS);
      nodes.started("node-a", at);
      nodes.heartbeat("node-a", at.plusSeconds(1));
      assertThat(nodes.heartbeats()).containsEntry("node-a", at.plusSeconds(1));
    }
  }

  private static org.assertj.core.data.TemporalUnitOffset within(Duration d) {
    return new org.assertj.core.data.TemporalUnitWithinOffset(d.toSeconds(), ChronoUnit.SECONDS);
  }
}
