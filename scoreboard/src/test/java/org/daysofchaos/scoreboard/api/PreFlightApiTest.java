package org.daysofchaos.scoreboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.stream.StreamSupport;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.daysofchaos.scoreboard.server.TestScenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's pre-flight of a game day against the demo targets: every item of a healthy scenario
 * passes, and a scenario whose proxy does not exist fails its target item, named.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class PreFlightApiTest {
  static final String GOOD =
      TestScenarios.paymentLatency("test/preflight-good", "Pre-flight, healthy")
          .detectedAbove("100")
          .yaml();

  /** The same, through a proxy the demo's Toxiproxy does not have. */
  static final String MISSING_TARGET =
      GOOD.replace("test/preflight-good", "test/preflight-missing")
          .replace("Pre-flight, healthy", "Pre-flight, missing proxy")
          .replace("{ proxy: payment }", "{ proxy: no-such-proxy }");

  static final String DAY =
      """
      id: preflight-day
      name: Pre-flight day
      window: { lasts: 10m }
      teams: [blue]
      scenarios:
        - scenario: test/preflight-good
          at: 5m
        - scenario: test/preflight-missing
          at: 6m
        - scenario: test/preflight-good
          at: 7m
      """;

  @TestHTTPResource("/")
  URI base;

  Http gm;

  @BeforeEach
  void load() {
    gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    for (String yaml : List.of(GOOD, MISSING_TARGET)) {
      assertThat(gm.postYaml("/api/scenarios", yaml).status()).isEqualTo(201);
    }
    assertThat(gm.postYaml("/api/gamedays?source=preflight.yaml", DAY).status()).isEqualTo(201);
  }

  private static List<JsonNode> items(JsonNode checklist, String scenario) {
    return StreamSupport.stream(checklist.path("items").spliterator(), false)
        .filter(i -> i.path("scenario").asText().equals(scenario))
        .toList();
  }

  @Test
  void theChecklistPassesAHealthyScenarioAndNamesTheMissingTarget() {
    Http.Answer answer = gm.post("/api/gamedays/preflight-day/preflight", "", "application/json");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode list = answer.json();
    assertThat(list.path("gameDay").asText()).isEqualTo("preflight-day");
    assertThat(list.path("ok").asBoolean()).isFalse();
    List<JsonNode> good = items(list, "test/preflight-good");
    assertThat(good)
        .as("each scenario once, however many slots play it")
        .extracting(i -> i.path("what").asText())
        .containsExactly(
            "target payment-link",
            "steady state metric/threshold booking_request_seconds{quantile=\"0.99\"} < 5",
            "detection signal metric/threshold booking_request_seconds{quantile=\"0.99\"} > 100");
    assertThat(good).allMatch(i -> i.path("ok").asBoolean(), "every item of the healthy one");
    JsonNode target = items(list, "test/preflight-missing").get(0);
    assertThat(target.path("what").asText()).isEqualTo("target payment-link");
    assertThat(target.path("ok").asBoolean()).isFalse();
    assertThat(target.path("detail").asText()).startsWith("refused: ").contains("no-such-proxy");
    assertThat(list.path("failed").asInt()).isEqualTo(1);
    assertThat(list.path("checked").asInt()).isEqualTo(6);
  }

  @Test
  void aGetGivesTheSameChecklistAndAnUnknownGameDayIsNotFound() {
    JsonNode list = gm.getJson("/api/gamedays/preflight-day/preflight");
    assertThat(list.path("failed").asInt()).isEqualTo(1);

    assertThat(gm.get("/api/gamedays/no-such-day/preflight").status()).isEqualTo(404);
  }
}
