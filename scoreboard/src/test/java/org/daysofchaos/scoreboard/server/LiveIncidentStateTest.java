package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.NodeId;
import org.daysofchaos.scoreboard.safety.Recovery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An incident's stages are stored as they happen: the game master reads its detection while it
 * still runs, and an incident whose server died keeps the detection it had, in the API and in the
 * report.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class LiveIncidentStateTest {
  /** A harmless latency that lasts, detected at once (the error ratio is always below 2). */
  static final String DETECTED_AT_ONCE =
      TestScenarios.paymentLatency("test/detected-at-once", "Detected at once")
          .detection(
              """
              signals:
                - kind: metric/threshold
                  query: booking_error_ratio
                  below: 2
              """)
          .yaml();

  @TestHTTPResource("/")
  URI base;

  @Inject IncidentStore incidents;
  @Inject NodeId node;
  @Inject Recovery recovery;
  @Inject Clock clock;

  Http api;

  @BeforeEach
  void clients() {
    api = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    assertThat(api.postYaml("/api/scenarios", DETECTED_AT_ONCE).status()).isEqualTo(201);
  }

  private void startGameDay(String id) {
    String yaml =
        """
        id: %s
        name: %s
        window: { lasts: 1h }
        teams: [blue]
        scenarios:
          - scenario: test/detected-at-once
            at: 50m
        """
            .formatted(id, id);
    assertThat(api.postYaml("/api/gamedays", yaml).status()).isEqualTo(201);
    assertThat(api.post("/api/gamedays/" + id + "/start", "", "text/plain").status())
        .isEqualTo(200);
  }

  private String sha256(String scenario) {
    for (JsonNode s : api.getJson("/api/scenarios")) {
      if (s.get("id").asText().equals(scenario)) {
        return s.get("sha256").asText();
      }
    }
    throw new AssertionError("no scenario " + scenario);
  }

  private JsonNode incident(String id) {
    return api.getJson("/api/incidents/" + id).get("incident");
  }

  @Test
  void theGameMasterReadsTheDetectionWhileTheIncidentRuns() {
    startGameDay("live-day");
    String id =
        api.postJson(
                "/api/incidents",
                "{\"scenario\": \"test/detected-at-once\", \"gameDay\": \"live-day\"}")
            .json()
            .get("id")
            .asText();

    await().atMost(Duration.ofSeconds(60)).until(() -> !incident(id).get("detectedAt").isNull());
    JsonNode live = incident(id);
    assertThat(live.get("state").asText()).as("it still runs").isEqualTo("RUNNING");
    assertThat(live.get("detectionMillis").asLong()).isNotNegative();
    Instant detectedAt = Instant.parse(live.get("detectedAt").asText());
    assertThat(detectedAt).isAfterOrEqualTo(Instant.parse(live.get("injectedAt").asText()));
    // The console's timeline reads the game day's incidents.
    JsonNode timeline = api.getJson("/api/gamedays/live-day").get("incidents");
    assertThat(timeline.findValuesAsText("detectedAt")).contains(live.get("detectedAt").asText());

    assertThat(api.post("/api/incidents/" + id + "/end", "", "text/plain").status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> incident(id).get("state").asText().equals("CLOSED"));
    JsonNode closed = incident(id);
    assertThat(Instant.parse(closed.get("detectedAt").asText()))
        .as("the close writes the same moment")
        .isEqualTo(detectedAt);
    assertThat(closed.get("faultEndedAt").isNull()).isFalse();
  }

  @Test
  void anIncidentWhoseServerDiedKeepsItsDetectionAndTheReportCountsIt() {
    startGameDay("died-day");
    // What a server killed mid-incident leaves: a running incident of this node, no run here,
    // with the stages its run had written as they happened.
    String id = "inc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Instant injected = clock.instant().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
    Instant detected = injected.plusSeconds(12);
    incidents.insertRunning(
        id,
        "died-day",
        null,
        "test/detected-at-once",
        sha256("test/detected-at-once"),
        injected.minusSeconds(1),
        injected.minusSeconds(1),
        node.id(),
        "scheduler");
    incidents.setInjectedAt(id, injected);
    incidents.append(
        id,
        new JournalEvent(
            detected,
            EventType.DETECTED,
            "detected",
            Map.of("signal", "booking_error_ratio below 2", "reportedAt", detected.toString())));
    incidents.setDetected(id, detected, 12_000L);

    // Its run wrote the journal event but died before the row was updated.
    String unstored = "inc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    incidents.insertRunning(
        unstored,
        "died-day",
        null,
        "test/detected-at-once",
        sha256("test/detected-at-once"),
        injected.minusSeconds(1),
        injected.minusSeconds(1),
        node.id(),
        "scheduler");
    incidents.setInjectedAt(unstored, injected);
    incidents.append(
        unstored,
        new JournalEvent(
            detected,
            EventType.DETECTED,
            "detected",
            Map.of("signal", "booking_error_ratio below 2", "reportedAt", detected.toString())));

    recovery.recoverAtStart();

    JsonNode fromJournal = incident(unstored);
    assertThat(fromJournal.get("state").asText()).isEqualTo("CLOSED");
    assertThat(Instant.parse(fromJournal.get("detectedAt").asText())).isEqualTo(detected);
    assertThat(fromJournal.get("detectionMillis").asLong()).isEqualTo(12_000L);

    JsonNode closed = incident(id);
    assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("verdict").asText()).isEqualTo("ABORTED");
    assertThat(Instant.parse(closed.get("detectedAt").asText())).isEqualTo(detected);
    assertThat(closed.get("detectionMillis").asLong()).isEqualTo(12_000L);
    JsonNode report = api.getJson("/api/reports/died-day").get("report");
    assertThat(report.get("funnel").get("injected").asInt()).isEqualTo(2);
    assertThat(report.get("funnel").get("detected").asInt())
        .as("not counted as undetected")
        .isEqualTo(2);
    assertThat(report.get("incidents").findValuesAsText("source"))
        .contains("booking_error_ratio below 2");
  }
}
