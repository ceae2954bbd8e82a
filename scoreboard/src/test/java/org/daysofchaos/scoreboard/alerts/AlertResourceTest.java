package org.daysofchaos.scoreboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.daysofchaos.scoreboard.api.PlayAccounts;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.daysofchaos.scoreboard.server.TestScenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook over HTTP, in the server tests' Quarkus configuration (one shared boot with
 * GameDayServerTest); alerts are posted by hand here, PrometheusAlertingIT has the real ones.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class AlertResourceTest {
  /** A fault nobody notices, detected by an alert only. */
  static final String ALERTED =
      TestScenarios.paymentLatency("test/alerted", "Alerted")
          .detection("alerts: [TestAlertFires]\n")
          .recovery("500ms", "20s")
          .yaml();

  @TestHTTPResource("/")
  URI base;

  /** The webhook's caller without a token, as an Alertmanager without credentials. */
  Http api;

  /** The game master, who fires incidents and reads what was recorded. */
  Http gm;

  /** The game's own Alertmanager, registered by the game master, for no team. */
  Http sender;

  @BeforeEach
  void clients() {
    api = new Http(base);
    gm = api.signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    sender = api.withToken(registerSender(gm, "own-" + System.nanoTime(), null, null));
  }

  /** Registers an alert sender as the game master does; its token. */
  static String registerSender(Http gm, String name, String gameDay, String team) {
    String body =
        "{\"name\": \""
            + name
            + "\""
            + (team == null ? "" : ", \"gameDay\": \"" + gameDay + "\", \"team\": \"" + team + "\"")
            + "}";
    Http.Answer registered = gm.postJson("/api/alerts/senders", body);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    return registered.json().get("token").asText();
  }

  @Test
  void anonymousAlertsAreRefused() {
    assertThat(api.postJson("/api/alerts", "{\"alerts\": []}").status()).isEqualTo(401);
  }

  /** Issue 13, finding 4: a player's token could post its team's own alerts and earn the bonus. */
  @Test
  void onlyARegisteredSenderMayPostAlerts() {
    Http.Answer day =
        gm.postYaml(
            "/api/gamedays",
            "id: forged-alerts\nname: Forged\nwindow: { lasts: 10m }\nteams: [blue]\n"
                + "scenarios:\n  - scenario: demo/payment-latency\n    at: 9m\n");
    assertThat(day.status()).as(day.body()).isIn(201, 409);
    Http player = PlayAccounts.ready(gm, "forger-blue", "player", "forged-alerts", "blue");
    Http.Answer token = player.postJson("/api/auth/tokens", "{\"label\": \"alertmanager\"}");
    Http playerScript = api.withToken(token.json().get("token").asText());
    String payload = "{\"alerts\": [{\"status\": \"firing\", \"labels\": {\"alertname\": \"X\"}}]}";

    assertThat(player.postJson("/api/alerts", payload).status()).isEqualTo(403);
    assertThat(playerScript.postJson("/api/alerts", payload).status()).isEqualTo(403);
    assertThat(gm.postJson("/api/alerts", payload).status()).isEqualTo(403);
    assertThat(player.postJson("/api/alerts/senders", "{\"name\": \"mine\"}").status())
        .as("a player cannot register a sender either")
        .isEqualTo(403);
    assertThat(sender.postJson("/api/alerts", payload).status()).isEqualTo(200);
    assertThat(sender.get("/api/alerts/unmatched").status())
        .as("a sender's token posts alerts and reads nothing")
        .isEqualTo(403);

    String name = "revoked-" + System.nanoTime();
    Http revoked = api.withToken(registerSender(gm, name, "forged-alerts", "blue"));
    assertThat(revoked.postJson("/api/alerts", payload).status()).isEqualTo(200);
    assertThat(gm.delete("/api/alerts/senders/" + name).status()).isEqualTo(204);
    assertThat(revoked.postJson("/api/alerts", payload).status()).isEqualTo(401);
    assertThat(
            gm.postJson(
                    "/api/alerts/senders",
                    "{\"name\": \"x\", \"gameDay\": \"forged-alerts\", \"team\": \"green\"}")
                .json()
                .get("error")
                .asText())
        .isEqualTo("team: game day 'forged-alerts' has no team 'green'");
  }

  @Test
  void malformedJsonIsRefusedWith400NamingLineAndColumn() {
    Http.Answer answer = sender.postJson("/api/alerts", "{\"alerts\": [\n  {\"status\": }\n]}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText())
        .startsWith("malformed JSON at line 2, column 14: Unexpected character ('}'");
  }

  @Test
  void aPayloadThatIsNotAlertmanagersIsRefusedWith400NamingTheField() {
    Http.Answer answer =
        sender.postJson(
            "/api/alerts",
            "{\"alerts\": [{\"status\": \"firing\", \"labels\": {\"job\": \"x\"}}]}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText())
        .isEqualTo("alerts[0].labels.alertname: missing; every alert needs its name");
  }

  @Test
  void theAnswerCountsAlertsWithoutTellingWhichIncidentTheyMatched() throws IOException {
    Http.Answer answer =
        sender.post(
            "/api/alerts", WebhookPayloadTest.resource("webhook-v4.json"), "application/json");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("received").asInt()).isEqualTo(2);
    assertThat(answer.json().get("firing").asInt()).isEqualTo(1);
    assertThat(answer.json().fieldNames()).toIterable().containsOnly("received", "firing");
  }

  @Test
  void queriesSayWhatIsMissingOrUnknown() {
    assertThat(gm.get("/api/alerts").status()).isEqualTo(400);
    assertThat(gm.get("/api/alerts/first").status()).isEqualTo(400);
    Http.Answer unknown = gm.get("/api/alerts?incident=no-such-incident");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asText()).isEqualTo("no incident 'no-such-incident'");
  }

  @Test
  void aTeamsAlertIsTheIncidentsFirstAlertAndThatTeamsWithItsDelayAfterTheInjection() {
    assertThat(gm.postYaml("/api/scenarios", ALERTED).status()).isEqualTo(201);
    Http.Answer day =
        gm.postYaml(
            "/api/gamedays",
            "id: alerts-day\nname: Alerts\nwindow: { lasts: 10m }\nteams: [blue, red]\n"
                + "scenarios:\n  - scenario: test/alerted\n    at: 9m\n");
    assertThat(day.status()).as(day.body()).isIn(201, 409);
    Http blueAlertmanager =
        api.withToken(registerSender(gm, "blue-alertmanager", "alerts-day", "blue"));
    Http.Answer fired =
        gm.postJson(
            "/api/incidents", "{\"scenario\": \"test/alerted\", \"gameDay\": \"alerts-day\"}");
    assertThat(fired.status()).as(fired.body()).isEqualTo(201);
    String id = fired.json().get("id").asText();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !incident(id).get("incident").get("injectedAt").isNull());

    Http.Answer answer =
        blueAlertmanager.postJson(
            "/api/alerts",
            """
            {"version": "4", "status": "firing", "alerts": [
              {"status": "firing", "labels": {"alertname": "TestAlertFires", "incident": "%s"},
               "startsAt": "%s"}]}
            """
                .formatted(id, Instant.now()));
    JsonNode alerts = gm.getJson("/api/alerts?incident=" + id);
    JsonNode ofDay = gm.getJson("/api/alerts/first?gameDay=alerts-day");
    assertThat(gm.post("/api/incidents/" + id + "/end", "", "text/plain").status()).isEqualTo(202);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().fieldNames()).toIterable().containsOnly("received", "firing");
    JsonNode first = alerts.get("first");
    assertThat(first.get("alertname").asText()).isEqualTo("TestAlertFires");
    assertThat(first.get("team").asText()).isEqualTo("blue");
    Instant injected = Instant.parse(incident(id).get("incident").get("injectedAt").asText());
    Instant at = Instant.parse(first.get("at").asText());
    assertThat(at).isAfter(injected);
    assertThat(first.get("afterInjectionMillis").asLong())
        .isEqualTo(Duration.between(injected, at).toMillis());
    assertThat(first.has("afterInjection")).isFalse();
    assertThat(alerts.get("firstByTeam").get("blue").get("at").asText())
        .isEqualTo(first.get("at").asText());
    assertThat(alerts.get("alerts")).hasSize(1);
    assertThat(alerts.get("alerts").get(0).get("actor").asText())
        .isEqualTo("alert-sender:blue-alertmanager");
    assertThat(ofDay.get(id).get("byTeam").fieldNames()).toIterable().containsExactly("blue");
    assertThat(incident(id).get("journal").findValuesAsText("type")).contains("ALERT_RECEIVED");
    // Leaves nothing running for the next test class of this shared server.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> incident(id).get("incident").get("state").asText().equals("CLOSED"));
  }

  private JsonNode incident(String id) {
    return gm.getJson("/api/incidents/" + id);
  }
}
