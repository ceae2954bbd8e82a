package org.daysofchaos.scoreboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.testing.ManualClock;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.StorageLimits;
import org.daysofchaos.scoreboard.persistence.TestDatabases;
import org.daysofchaos.scoreboard.persistence.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Storing and matching webhook alerts, on H2 in memory with a manual clock. */
class AlertIntakeTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  /** What each test scenario lists under detection.alerts. */
  private static final Map<String, List<String>> EXPECTED =
      Map.of(
          "demo/payment-latency", List.of("BookingLatencyHigh"),
          "demo/inventory-outage", List.of("BookingErrorsHigh", "InventoryDown"),
          "demo/silent", List.of());

  private static TestDatabase database;
  private final ManualClock clock = new ManualClock(T0);
  private IncidentStore incidents;
  private AlertStore store;
  private AlertIntake intake;

  @BeforeAll
  static void migrate() {
    // One database for the class: migrating one takes about a second.
    database = TestDatabases.h2();
  }

  @AfterAll
  static void drop() {
    database.close();
  }

  @BeforeEach
  void empty() {
    Db db = new Db(database.dataSource());
    for (String table : List.of("chaos_alert", "chaos_journal_event", "chaos_incident")) {
      db.update("DELETE FROM " + table);
    }
    incidents = new IncidentStore(db);
    store = new AlertStore(db);
    intake = intake(StorageLimits.DEFAULTS);
  }

  private AlertIntake intake(StorageLimits limits) {
    return new AlertIntake(
        store, incidents, i -> EXPECTED.getOrDefault(i.scenarioId(), List.of()), clock, limits);
  }

  /** Issue 13, finding 8: one sender could store any number of alerts. */
  @Test
  void oneSenderStoresAtMostItsQuotaPerIncidentAndPerMinute() {
    running("inc-latency", "demo/payment-latency", T0);
    AlertIntake small = intake(new StorageLimits(30, 60, 200, 3, 2, 3, 200));
    small.receive(
        payload(firing("BookingLatencyHigh", "a1"), firing("BookingLatencyHigh", "a2")),
        team("blue"));
    assertThatThrownBy(
            () -> small.receive(payload(firing("BookingLatencyHigh", "a3")), team("blue")))
        .isInstanceOf(StorageLimits.Exceeded.class)
        .hasMessageContaining("for one incident (2)");
    assertThat(store.ofIncident("inc-latency")).hasSize(2);

    small.receive(payload(firing("Other", "u1"), firing("Other", "u2")), team("red"));
    assertThatThrownBy(
            () -> small.receive(payload(firing("Other", "u3"), firing("Other", "u4")), team("red")))
        .isInstanceOf(StorageLimits.Exceeded.class)
        .hasMessageContaining("a minute");
    clock.set(T0.plusSeconds(61));
    small.receive(payload(firing("Other", "u5")), team("red"));
    assertThat(store.unmatched(100)).hasSize(3);

    assertThatThrownBy(
            () ->
                small.receive(
                    payload(
                        firing("X", "b1"), firing("X", "b2"), firing("X", "b3"), firing("X", "b4")),
                    team("green")))
        .isInstanceOf(StorageLimits.Exceeded.class)
        .satisfies(e -> assertThat(((StorageLimits.Exceeded) e).status()).isEqualTo(413));
    WebhookPayload.Alert fat =
        new WebhookPayload.Alert(
            "firing", Map.of("alertname", "X", "big", "y".repeat(300)), T0, "b5");
    assertThatThrownBy(() -> small.receive(payload(fat), team("green")))
        .hasMessageStartingWith("alerts[0].labels: at most 200 characters");
  }

  /** A running incident of game day "day" whose fault took effect at {@code injectedAt}. */
  private void running(String id, String scenario, Instant injectedAt) {
    incidents.insertRunning(id, "day", 0, scenario, "sha", T0, T0, "node", "test");
    if (injectedAt != null) {
      incidents.setInjectedAt(id, injectedAt);
    }
  }

  private static WebhookPayload.Alert firing(String name, String fingerprint) {
    return new WebhookPayload.Alert(
        "firing", Map.of("alertname", name, "job", "demo"), T0.plusMillis(700), fingerprint);
  }

  private static WebhookPayload payload(WebhookPayload.Alert... alerts) {
    return new WebhookPayload("4", "firing", "chaos", List.of(alerts));
  }

  private static AlertSource team(String team) {
    return new AlertSource("alertmanager-" + team, team, "day");
  }

  private List<JournalEvent> alertEvents(String incidentId) {
    return incidents.journal(incidentId).stream()
        .filter(e -> e.type() == EventType.ALERT_RECEIVED)
        .toList();
  }

  @Test
  void aFiringAlertMatchesTheRunningIncidentsWhoseScenarioNamesIt() {
    running("inc-latency", "demo/payment-latency", T0);
    running("inc-outage", "demo/inventory-outage", T0);
    running("inc-silent", "demo/silent", T0);
    clock.set(T0.plusSeconds(2));

    AlertIntake.Outcome outcome =
        intake.receive(
            payload(firing("BookingLatencyHigh", "f1")), AlertSource.anonymous("anonymous"));

    assertThat(outcome).isEqualTo(new AlertIntake.Outcome(1, 1));
    assertThat(store.ofIncident("inc-latency"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.alertname()).isEqualTo("BookingLatencyHigh");
              assertThat(a.receivedAt()).isEqualTo(T0.plusSeconds(2));
              assertThat(a.startsAt()).isEqualTo(T0.plusMillis(700));
              assertThat(a.fingerprint()).isEqualTo("f1");
              assertThat(a.labels()).containsEntry("job", "demo");
              assertThat(a.team()).isNull();
              assertThat(a.actor()).isEqualTo("anonymous");
            });
    assertThat(store.ofIncident("inc-outage")).isEmpty();
    assertThat(store.ofIncident("inc-silent")).isEmpty();
    assertThat(store.unmatched(10)).isEmpty();
  }

  @Test
  void theFirstAlertIsTheMonitoringDetectionWithItsTimeAfterTheInjection() {
    running("inc-latency", "demo/payment-latency", T0);
    clock.set(T0.plusMillis(2_350));

    intake.receive(payload(firing("BookingLatencyHigh", "f1")), AlertSource.anonymous("am"));

    AlertStore.FirstAlert first = store.firstAlertsOfIncident("inc-latency").orElseThrow().first();
    assertThat(first.at()).isEqualTo(T0.plusMillis(2_350));
    assertThat(first.startsAt()).isEqualTo(T0.plusMillis(700));
    assertThat(first.alertname()).isEqualTo("BookingLatencyHigh");
    assertThat(first.afterInjection()).isEqualTo(Duration.ofMillis(2_350));
    assertThat(alertEvents("inc-latency"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.at()).isEqualTo(T0.plusMillis(2_350));
              assertThat(e.message())
                  .isEqualTo(
                      "alert BookingLatencyHigh arrived through the alertmanager webhook 2.350 s after the"
                          + " injection: the first alert of the incident");
              assertThat(e.data())
                  .containsEntry("alertname", "BookingLatencyHigh")
                  .containsEntry("afterMillis", "2350")
                  .containsEntry("source", "alertmanager-webhook")
                  .containsEntry("startsAt", "2026-12-01T09:00:00.700Z")
                  .doesNotContainKey("team");
            });
  }

  @Test
  void aResentAlertCountsOncePerIncidentAndTeamAndOnlyFirstsGoToTheJournal() {
    running("inc-outage", "demo/inventory-outage", T0);
    clock.set(T0.plusSeconds(3));
    intake.receive(payload(firing("BookingErrorsHigh", "f1")), team("blue"));

    clock.set(T0.plusSeconds(4));
    AlertIntake.Outcome again =
        intake.receive(
            payload(firing("BookingErrorsHigh", "f1"), firing("InventoryDown", "f2")),
            team("blue"));
    clock.set(T0.plusSeconds(5));
    AlertIntake.Outcome red =
        intake.receive(payload(firing("BookingErrorsHigh", "f1")), team("red"));

    assertThat(again).isEqualTo(new AlertIntake.Outcome(2, 2));
    assertThat(red).isEqualTo(new AlertIntake.Outcome(1, 1));
    assertThat(store.ofIncident("inc-outage"))
        .extracting(AlertStore.StoredAlert::alertname, AlertStore.StoredAlert::team)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("BookingErrorsHigh", "blue"),
            org.assertj.core.groups.Tuple.tuple("InventoryDown", "blue"),
            org.assertj.core.groups.Tuple.tuple("BookingErrorsHigh", "red"));
    // blue's first (also the incident's first), then red's first; blue's second alert is not one.
    assertThat(alertEvents("inc-outage"))
        .extracting(JournalEvent::message)
        .containsExactly(
            "alert BookingErrorsHigh arrived from team blue through the alertmanager webhook 3.000 s after"
                + " the injection: the first alert of the incident",
            "alert BookingErrorsHigh arrived from team red through the alertmanager webhook 5.000 s after the"
                + " injection: the first alert of team red");
  }

  @Test
  void firstAlertsOfAGameDayGivesTheEarliestOverallAndPerTeam() {
    running("inc-a", "demo/inventory-outage", T0);
    running("inc-b", "demo/payment-latency", T0.plusSeconds(60));
    running("inc-quiet", "demo/payment-latency", T0.plusSeconds(60));
    incidents.closeWithoutRun(
        "inc-quiet", "PASSED", "ended", T0.plusSeconds(70), T0.plusSeconds(75));
    clock.set(T0.plusSeconds(10));
    intake.receive(payload(firing("InventoryDown", "f2")), team("red"));
    clock.set(T0.plusSeconds(12));
    intake.receive(payload(firing("BookingErrorsHigh", "f1")), team("blue"));
    clock.set(T0.plusSeconds(80));
    intake.receive(payload(firing("BookingLatencyHigh", "f3")), AlertSource.anonymous("gm"));

    Map<String, AlertStore.IncidentAlerts> first = store.firstAlerts("day");

    assertThat(first).containsOnlyKeys("inc-a", "inc-b");
    AlertStore.IncidentAlerts a = first.get("inc-a");
    assertThat(a.first().alertname()).isEqualTo("InventoryDown");
    assertThat(a.first().team()).isEqualTo("red");
    assertThat(a.first().afterInjection()).isEqualTo(Duration.ofSeconds(10));
    assertThat(a.byTeam()).containsOnlyKeys("blue", "red");
    assertThat(a.byTeam().get("blue").afterInjection()).isEqualTo(Duration.ofSeconds(12));
    AlertStore.IncidentAlerts b = first.get("inc-b");
    assertThat(b.first().afterInjection()).isEqualTo(Duration.ofSeconds(20));
    assertThat(b.first().team()).isNull();
    assertThat(b.byTeam()).isEmpty();
    assertThat(store.firstAlerts("another-day")).isEmpty();
  }

  @Test
  void anAlertMatchesNoIncidentBeforeItsInjectionAfterItClosedOrOfAnotherGameDay() {
    running("inc-gate", "demo/payment-latency", null);
    running("inc-later", "demo/payment-latency", T0.plusSeconds(30));
    clock.set(T0.plusSeconds(5));

    AlertIntake.Outcome early =
        intake.receive(payload(firing("BookingLatencyHigh", "f1")), AlertSource.anonymous("am"));
    AlertIntake.Outcome otherDay =
        intake.receive(
            payload(firing("BookingLatencyHigh", "f9")),
            new AlertSource("am", "blue", "another-day"));

    assertThat(early).isEqualTo(otherDay);
    assertThat(store.ofIncident("inc-gate")).isEmpty();
    assertThat(store.ofIncident("inc-later")).isEmpty();
    assertThat(store.unmatched(10))
        .extracting(AlertStore.StoredAlert::fingerprint)
        .containsExactly("f9", "f1");
    assertThat(alertEvents("inc-later")).isEmpty();
  }

  @Test
  void resolvedAlertsAreCountedButNotStoredAndAnUnmatchedEpisodeIsStoredOnce() {
    WebhookPayload.Alert resolved =
        new WebhookPayload.Alert("resolved", Map.of("alertname", "Other"), T0, "f5");
    WebhookPayload.Alert unmatched = firing("Other", "f6");

    AlertIntake.Outcome first =
        intake.receive(payload(resolved, unmatched), AlertSource.anonymous("am"));
    AlertIntake.Outcome resent = intake.receive(payload(unmatched), AlertSource.anonymous("am"));

    assertThat(first).isEqualTo(new AlertIntake.Outcome(2, 1));
    assertThat(resent).isEqualTo(new AlertIntake.Outcome(1, 1));
    assertThat(store.unmatched(10))
        .singleElement()
        .extracting(a -> a.fingerprint())
        .isEqualTo("f6");
  }
}
