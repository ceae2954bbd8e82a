package org.daysofchaos.scoreboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.daysofchaos.scoreboard.persistence.StorageLimits;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 8: one player request stored 2,000 alerts of 4 KB, and a player could record
 * plays without end. Each sender now stores a bounded amount, and is told when it reached it.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class StorageLimitsTest {
  @TestHTTPResource("/")
  URI base;

  @Test
  void aPlayerRecordsAtMostThirtyPlaysAMinute() {
    Http gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    String day = "limits-" + Long.toString(System.nanoTime(), 36);
    Http.Answer loaded =
        gm.postYaml(
            "/api/gamedays",
            "id: "
                + day
                + "\nname: Limits\nwindow: { lasts: 30m }\nteams: [blue]\n"
                + "scenarios:\n  - scenario: demo/payment-latency\n    at: 29m\n");
    assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
    assertThat(gm.post("/api/gamedays/" + day + "/start", "", "application/json").status())
        .isEqualTo(200);
    Http player = PlayAccounts.ready(gm, day + "-blue", "player", day, "blue");

    for (int i = 0; i < StorageLimits.DEFAULTS.playsPerMinute(); i++) {
      Http.Answer claim =
          player.postJson("/api/play/detections", "{\"service\": \"nothing-" + i + "\"}");
      assertThat(claim.status()).as(claim.body()).isEqualTo(201);
    }
    Http.Answer refused = player.postJson("/api/play/detections", "{\"service\": \"more\"}");
    gm.post("/api/gamedays/" + day + "/stop", "", "application/json");

    assertThat(refused.status()).as(refused.body()).isEqualTo(429);
    assertThat(refused.json().get("error").asText()).contains("30 plays a minute");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
  }

  @Test
  void oneWebhookCallCannotStoreThousandsOfLargeAlerts() throws Exception {
    Http gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    String token =
        gm.postJson(
                "/api/alerts/senders",
                "{\"name\": \"limits-" + Long.toString(System.nanoTime(), 36) + "\"}")
            .json()
            .get("token")
            .asText();
    Http sender = new Http(base).withToken(token);

    assertThat(hugeCall(token)).as("2,000 alerts of 4 KB").isEqualTo(413);
    Http.Answer many = sender.postJson("/api/alerts", alerts(201, 10));
    assertThat(many.status()).isEqualTo(413);
    assertThat(many.json().get("error").asText()).startsWith("at most 200 alerts per call");
    Http.Answer large = sender.postJson("/api/alerts", alerts(1, 4000));
    assertThat(large.status()).isEqualTo(413);
    assertThat(large.json().get("error").asText()).startsWith("alerts[0].labels: at most 2000");
    assertThat(gm.getJson("/api/alerts/unmatched?limit=1000").toString())
        .doesNotContain("limits-alert");
  }

  /**
   * The status of a call with 2,000 alerts of 4 KB (8 MB). It asks before sending the body ({@code
   * Expect: 100-continue}): the server refuses it on its length, and closes the connection rather
   * than read it, so a client that sent it at once would see the connection closed.
   */
  private int hugeCall(String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/alerts"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .expectContinue(true)
            .version(HttpClient.Version.HTTP_1_1)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(alerts(2000, 4000)))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String alerts(int count, int labelChars) {
    StringBuilder json = new StringBuilder("{\"alerts\": [");
    String filler = "x".repeat(labelChars);
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"status\": \"firing\", \"labels\": {\"alertname\": \"limits-alert\",")
          .append(" \"n\": \"")
          .append(i)
          .append("\", \"filler\": \"")
          .append(filler)
          .append("\"}}");
    }
    return json.append("]}").toString();
  }
}
