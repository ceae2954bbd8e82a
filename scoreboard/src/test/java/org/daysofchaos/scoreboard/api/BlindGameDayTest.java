package org.daysofchaos.scoreboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.daysofchaos.scoreboard.server.TestScenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 2: during a blind game day, nothing a player, a viewer or anyone without the
 * scrape token can read names a running incident's scenario or fault, or tells that one started.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class BlindGameDayTest {
  static final String SCRAPE_TOKEN = "test-scrape-token-of-the-metrics";

  /** A fault whose kind only this scenario has: offering it would give the incident away. */
  static final String HANG =
      TestScenarios.paymentLatency("test/blind-hang", "Blind hang")
          .more("diagnosis:\n  component: payment\n  fault: hang\n")
          .yaml();

  @TestHTTPResource("/")
  URI base;

  Http gm;
  Http player;
  Http viewer;

  @BeforeEach
  void game() {
    gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    assertThat(gm.postYaml("/api/scenarios", HANG).status()).isEqualTo(201);
    for (String day : new String[] {"blind-day", "open-day"}) {
      String yaml =
          "id: "
              + day
              + "\nname: Blind\nwindow: { lasts: 30m }\nteams: [blue]\n"
              + "scenarios:\n  - scenario: test/blind-hang\n    at: 29m\n"
              + (day.equals("blind-day") ? "blind: true\n" : "");
      Http.Answer loaded = gm.postYaml("/api/gamedays", yaml);
      assertThat(loaded.status()).as(loaded.body()).isIn(201, 409);
      gm.post("/api/gamedays/" + day + "/start", "", "application/json");
    }
    player = PlayAccounts.ready(gm, "blind-blue", "player", "blind-day", "blue");
    viewer = PlayAccounts.ready(gm, "blind-viewer", "viewer", null, null);
  }

  @AfterEach
  void end() {
    for (JsonNode i : gm.getJson("/api/incidents?state=RUNNING")) {
      gm.post("/api/incidents/" + i.get("id").asText() + "/end", "", "application/json");
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> gm.getJson("/api/incidents?state=RUNNING").isEmpty());
  }

  @Test
  void theMetricsNeedTheScrapeTokenOrAGameMaster() {
    assertThat(new Http(base).get("/q/metrics").status()).isEqualTo(401);
    assertThat(player.get("/q/metrics").status()).isEqualTo(403);
    assertThat(viewer.get("/q/metrics").status()).isEqualTo(403);
    assertThat(new Http(base).withToken("not-the-scrape-token").get("/q/metrics").status())
        .isEqualTo(401);
    Http prometheus = new Http(base).withToken(SCRAPE_TOKEN);
    Http.Answer scraped = prometheus.get("/q/metrics");
    assertThat(scraped.status()).isEqualTo(200);
    assertThat(scraped.body()).contains("chaos_halt_active");
    assertThat(gm.get("/q/metrics").status()).isEqualTo(200);
    assertThat(prometheus.get("/api/status").status())
        .as("the scrape token opens the metrics, nothing else")
        .isEqualTo(403);
    assertThat(prometheus.get("/api/gamedays").status()).isEqualTo(403);
  }

  @Test
  void aBlindGameDayOffersOnlyTheStandardKindsOfFault() {
    assertThat(player.getJson("/api/play").get("options").get("faults").toString())
        .doesNotContain("hang")
        .contains("latency");
    Http openPlayer = PlayAccounts.ready(gm, "open-blue", "player", "open-day", "blue");
    assertThat(openPlayer.getJson("/api/play").get("options").get("faults").toString())
        .as("a game day that is not blind offers its scenarios' kinds")
        .contains("hang");
  }

  @Test
  void nobodyButTheGameMasterSeesThatAnIncidentOfABlindGameDayRuns() {
    Http.Answer fired =
        gm.postJson(
            "/api/incidents", "{\"scenario\": \"test/blind-hang\", \"gameDay\": \"blind-day\"}");
    assertThat(fired.status()).as(fired.body()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                gm.getJson("/api/gamedays/blind-day/board?live=true").get("openIncidents").asInt()
                    == 1);

    for (Http reader : new Http[] {player, viewer}) {
      JsonNode board = reader.getJson("/api/gamedays/blind-day/board");
      assertThat(board.get("incidents").isNull()).as(board.toString()).isTrue();
      assertThat(board.get("openIncidents").isNull()).isTrue();
      JsonNode status = reader.getJson("/api/status");
      assertThat(status.get("runningIncidents").isNull()).as(status.toString()).isTrue();
      assertThat(status.get("openInjections").isNull()).isTrue();
      assertThat(status.get("notices").isNull()).as("game masters only").isTrue();
      assertThat(reader.get("/q/metrics").body()).doesNotContain("test/blind-hang");
      assertThat(board.toString() + status).doesNotContain("blind-hang").doesNotContain("hang");
    }
    assertThat(gm.getJson("/api/status").get("runningIncidents").asInt()).isPositive();
    assertThat(new Http(base).withToken(SCRAPE_TOKEN).get("/q/metrics").body())
        .as("the game master's Prometheus still gets everything")
        .contains("test/blind-hang");
  }
}
