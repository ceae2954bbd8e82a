package org.daysofchaos.scoreboard.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * A game day's guardrails protect every incident it fires. Same Quarkus configuration as the other
 * server tests (one boot for all), driven through the beans rather than the API.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class GameDayGuardrailsTest {
  /** A fault that would hurt nobody, without guardrails of its own. */
  private static final String SCENARIO =
      TestScenarios.paymentLatency("test/day-guarded", "Guarded by its game day").yaml();

  /** Its guardrail cannot hold: no p99 latency is below zero. */
  private static final String GAME_DAY =
      """
      id: guarded-day
      name: Guarded day
      window: { lasts: 10m }
      teams: [blue]
      scenarios:
        - scenario: test/day-guarded
          at: 9m
      guardrails:
        - name: latency below zero
          holds:
            kind: metric/threshold
            query: booking_request_seconds{quantile="0.99"}
            below: 0
      """;

  @Inject ScenarioCatalog catalog;
  @Inject GameDays gameDays;
  @Inject IncidentEngine engine;
  @Inject IncidentStore incidents;

  @Test
  void anIncidentOfAGameDayWhoseGuardrailFailsIsAbortedWithTheGuardrailNamed() {
    assertThat(catalog.register("day-guarded.yaml", SCENARIO, "test").ok()).isTrue();
    assertThat(gameDays.load("guarded-day.yaml", GAME_DAY, "test").guardrails()).hasSize(1);
    String sha256 = catalog.latest("test/day-guarded").orElseThrow().sha256();

    String id = engine.fireNow("test/day-guarded", sha256, "guarded-day", "test").id();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> incidents.find(id).orElseThrow().state() == Incident.State.CLOSED);

    Incident closed = incidents.find(id).orElseThrow();
    assertThat(closed.verdict()).isEqualTo("ABORTED");
    assertThat(closed.reason())
        .startsWith("guardrail 'latency below zero' does not hold")
        .endsWith("nothing was injected");
    List<JournalEvent> journal = incidents.journal(id);
    assertThat(journal)
        .filteredOn(e -> e.type() == EventType.GATE_FAILED)
        .singleElement()
        .extracting(JournalEvent::message)
        .asString()
        .contains("guardrail 'latency below zero'");
    assertThat(journal).extracting(JournalEvent::type).doesNotContain(EventType.INJECTED);
  }

  @Test
  void anIncidentFiredOutsideAGameDayHasOnlyItsScenariosGuardrails() {
    assertThat(catalog.register("day-guarded.yaml", SCENARIO, "test").ok()).isTrue();
    String sha256 = catalog.latest("test/day-guarded").orElseThrow().sha256();

    String id = engine.fireNow("test/day-guarded", sha256, null, "test").id();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> incidents.journal(id).stream().anyMatch(e -> e.type() == EventType.FAULT_ACTIVE));
    engine.abort(id, "test over", "test", "test").orElseThrow().join();

    assertThat(incidents.journal(id))
        .extracting(JournalEvent::type)
        .contains(EventType.GATE_PASSED, EventType.REVERTED)
        .doesNotContain(EventType.GUARDRAIL_TRIPPED);
  }
}
