package org.daysofchaos.scoreboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.daysofchaos.scoreboard.leaderboard.BoardHub;
import org.daysofchaos.scoreboard.play.PlayStore;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.daysofchaos.scoreboard.server.TestScenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Playing through the API as players and a game master would, against the demo: each test plays its
 * own game day with two teams, so plays never leak from one test into another.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class PlayApiTest {
  static final AtomicInteger DAYS = new AtomicInteger();
  static final ObjectMapper JSON = new ObjectMapper();

  /** A fault nobody notices (1 ms), that lasts: the incident stays open while teams play. */
  static final String GENTLE =
      TestScenarios.paymentLatency("test/play-gentle", "Gentle play")
          .weight(2)
          .detection(
              """
                services: [booking, payment]
                alerts: [GentleLatency]
                """)
          .recovery("500ms", "20s")
          .more(
              """
                diagnosis:
                  component: payment
                  fault: latency
                hints:
                  - after: 0s
                    text: Look at the payment link.
                  - after: 1h
                    text: Much later.
                """)
          .yaml();

  @TestHTTPResource("/")
  URI base;

  @Inject BoardHub hub;
  @Inject PlayStore playStore;

  Http gm;
  String day;
  Http blue;
  Http red;

  @BeforeEach
  void game() {
    gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    assertThat(gm.postYaml("/api/scenarios", GENTLE).status()).isEqualTo(201);
    day = "play-" + DAYS.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    String yaml =
        "id: "
            + day
            + "\nname: Play\nwindow: { lasts: 30m }\nteams: [blue, red]\n"
            + "scenarios:\n  - scenario: test/play-gentle\n    at: 29m\n";
    assertThat(gm.postYaml("/api/gamedays", yaml).status()).isEqualTo(201);
    assertThat(gm.post("/api/gamedays/" + day + "/start", "", "text/plain").status())
        .isEqualTo(200);
    blue = PlayAccounts.ready(gm, day + "-blue", "player", day, "blue");
    red = PlayAccounts.ready(gm, day + "-red", "player", day, "red");
  }

  @AfterEach
  void endEverything() {
    new Http(DemoTargets.demo.opsUrl())
        .withToken(DemoTargets.demo.opsToken())
        .post("/ops/reset", "", "text/plain");
    for (JsonNode i : list(gm.getJson("/api/incidents?gameDay=" + day + "&state=RUNNING"))) {
      gm.post("/api/incidents/" + i.get("id").asText() + "/end", "", "text/plain");
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> list(gm.getJson("/api/incidents?gameDay=" + day + "&state=RUNNING")).isEmpty());
    gm.post("/api/gamedays/" + day + "/stop", "", "text/plain");
  }

  private String fire(String scenario) {
    Http.Answer fired =
        gm.postJson(
            "/api/incidents", "{\"scenario\": \"" + scenario + "\", \"gameDay\": \"" + day + "\"}");
    assertThat(fired.status()).as(fired.body()).isEqualTo(201);
    String id = fired.json().get("id").asText();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> !gm.getJson("/api/incidents/" + id).get("incident").path("injectedAt").isNull());
    return id;
  }

  private static Http.Answer claim(Http player, String service) {
    return player.postJson("/api/play/detections", "{\"service\": \"" + service + "\"}");
  }

  private static Http.Answer diagnose(Http player, String incident, String c, String f) {
    return player.postJson(
        "/api/play/diagnoses",
        "{\"incident\": \""
            + incident
            + "\", \"component\": \""
            + c
            + "\", \"fault\": \""
            + f
            + "\"}");
  }

  private JsonNode board() {
    return gm.getJson("/api/gamedays/" + day + "/board");
  }

  private static JsonNode row(JsonNode board, String team) {
    return StreamSupport.stream(board.get("standings").spliterator(), false)
        .filter(r -> r.get("team").asText().equals(team))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aTeamDetectsDiagnosesAndBuysAHintAndEveryPointIsExplained() {
    String incident = fire("test/play-gentle");

    Http.Answer claimed = claim(blue, "booking");
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
    assertThat(claimed.json().get("outcome").asText()).isEqualTo("accepted");
    assertThat(claimed.json().get("incidentId").asText()).isEqualTo(incident);
    assertThat(claim(blue, "payment").status()).as("the same failure twice").isEqualTo(409);

    assertThat(diagnose(blue, incident, "payment", "outage").json().get("outcome").asText())
        .isEqualTo("rejected");
    Http.Answer hint = blue.postJson("/api/play/hints", "{\"incident\": \"" + incident + "\"}");
    assertThat(hint.status()).isEqualTo(201);
    assertThat(hint.json().get("text").asText()).isEqualTo("Look at the payment link.");
    Http.Answer later = blue.postJson("/api/play/hints", "{\"incident\": \"" + incident + "\"}");
    assertThat(later.status()).isEqualTo(409);
    assertThat(later.json().get("error").asText()).startsWith("hint 2 unlocks 1h after");
    assertThat(diagnose(blue, incident, "Payment", "LATENCY").json().get("outcome").asText())
        .isEqualTo("accepted");
    assertThat(diagnose(blue, incident, "payment", "latency").status()).isEqualTo(409);
    Http.Answer fix = blue.postJson("/api/play/fixes", "{\"incident\": \"" + incident + "\"}");
    assertThat(fix.status()).isEqualTo(409);
    assertThat(fix.json().get("error").asText()).contains("time-boxed");

    JsonNode row = row(board(), "blue");
    assertThat(row.get("detected").asInt()).isEqualTo(1);
    assertThat(row.get("diagnosed").asInt()).isEqualTo(1);
    assertThat(row.get("points").asInt()).isPositive();
    JsonNode console = blue.getJson("/api/play");
    JsonNode lines = console.get("standing").get("lines");
    assertThat(lines.findValuesAsText("text"))
        .anySatisfy(t -> assertThat(t).startsWith("+").contains("detection of incident 1"))
        .anySatisfy(t -> assertThat(t).contains("hint 1"))
        .noneSatisfy(t -> assertThat(t).contains("test/play-gentle"));
    int sum =
        StreamSupport.stream(lines.spliterator(), false)
            .mapToInt(l -> l.get("points").asInt())
            .sum();
    assertThat(sum).as("the lines add up to the points").isEqualTo(row.get("points").asInt());
    JsonNode card = console.get("incidents").get(0);
    assertThat(card.get("label").asText()).isEqualTo("incident 1");
    assertThat(card.get("diagnosis").asText()).isEqualTo("accepted");
    assertThat(card.get("hints").get(0).get("text").asText())
        .isEqualTo("Look at the payment link.");
    assertThat(card.get("hints").get(1).get("text").isNull()).as("not bought, not shown").isTrue();
  }

  @Test
  void aTeamWhoseOwnAlertingFiredBeforeItsClaimEarnsTheBonus() {
    String incident = fire("test/play-gentle");
    // The game master registers blue's Alertmanager, and gives it its own token.
    String token =
        gm.postJson(
                "/api/alerts/senders",
                "{\"name\": \""
                    + day
                    + "-blue\", \"gameDay\": \""
                    + day
                    + "\", \"team\": \"blue\"}")
            .json()
            .get("token")
            .asText();
    Http blueAlertmanager = new Http(base).withToken(token);
    String payload =
        """
        {"version": "4", "status": "firing", "alerts": [{"status": "firing",
          "labels": {"alertname": "GentleLatency"}, "startsAt": "%s", "fingerprint": "f1"}]}
        """
            .formatted(java.time.Instant.now());
    Http.Answer received = blueAlertmanager.postJson("/api/alerts", payload);
    assertThat(received.status()).as(received.body()).isEqualTo(200);
    assertThat(claim(blue, "booking").json().get("incidentId").asText()).isEqualTo(incident);
    assertThat(claim(red, "booking").status()).isEqualTo(201);

    List<String> blueLines =
        blue.getJson("/api/play").get("standing").get("lines").findValuesAsText("text");
    assertThat(blueLines).anySatisfy(t -> assertThat(t).contains("own alerting"));
    List<String> redLines =
        red.getJson("/api/play").get("standing").get("lines").findValuesAsText("text");
    assertThat(redLines).noneSatisfy(t -> assertThat(t).contains("own alerting"));
  }

  @Test
  void aClaimThatMatchesNoIncidentIsAFalseClaimAndOnlyTheFirstIsFree() {
    fire("test/play-gentle");
    assertThat(claim(red, "inventory").json().get("outcome").asText()).isEqualTo("rejected");
    assertThat(claim(red, "inventory").json().get("outcome").asText()).isEqualTo("rejected");

    assertThat(row(board(), "red").get("points").asInt()).isEqualTo(-50);
    assertThat(red.getJson("/api/play").get("incidents")).as("nothing detected").isEmpty();
  }

  @Test
  void aReplayedRequestIsRefusedAndChangesNothing() {
    fire("test/play-gentle");
    Http keyed = red.with("Idempotency-Key", "claim-once");
    assertThat(claim(keyed, "booking").status()).isEqualTo(201);
    Http.Answer replay = claim(keyed, "booking");

    assertThat(replay.status()).isEqualTo(409);
    assertThat(red.getJson("/api/play").get("plays")).hasSize(1);
  }

  @Test
  void badInputGetsAClearErrorAndRecordsNothing() {
    String incident = fire("test/play-gentle");
    assertThat(claim(blue, "booking").status()).isEqualTo(201);

    Http.Answer empty = claim(blue, " ");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("error").asText()).startsWith("service:");
    Http.Answer tooLong =
        blue.postJson(
            "/api/play/diagnoses",
            "{\"incident\": \"" + incident + "\", \"text\": \"" + "x".repeat(501) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("error").asText()).isEqualTo("text: at most 500 characters");
    Http.Answer both =
        blue.postJson(
            "/api/play/diagnoses",
            "{\"incident\": \"" + incident + "\", \"component\": \"payment\", \"text\": \"x\"}");
    assertThat(both.status()).isEqualTo(400);
    assertThat(diagnose(blue, "no-such-incident", "payment", "latency").status()).isEqualTo(404);
    assertThat(blue.post("/api/play/detections", "{not json", "application/json").status())
        .isEqualTo(400);
    assertThat(blue.getJson("/api/play").get("plays")).as("only the first claim").hasSize(1);
  }

  @Test
  void aPlayerCannotPlayAnotherGameDaysIncident() {
    Http.Answer other = gm.postJson("/api/incidents", "{\"scenario\": \"test/play-gentle\"}");
    String outside = other.json().get("id").asText();
    try {
      assertThat(diagnose(blue, outside, "payment", "latency").status()).isEqualTo(404);
    } finally {
      gm.post("/api/incidents/" + outside + "/end", "", "text/plain");
    }
  }

  @Test
  void aPlayOnAnIncidentThatIsOverIsRefused() {
    String incident = fire("test/play-gentle");
    assertThat(claim(blue, "booking").status()).isEqualTo(201);
    gm.post("/api/incidents/" + incident + "/end", "", "text/plain");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                gm.getJson("/api/incidents/" + incident)
                    .get("incident")
                    .get("state")
                    .asText()
                    .equals("CLOSED"));

    Http.Answer late = diagnose(blue, incident, "payment", "latency");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("error").asText()).isEqualTo("incident " + incident + " is over");
  }

  @Test
  void aFreeTextDiagnosisWaitsForTheGameMastersVerdict() {
    String incident = fire("test/play-gentle");
    assertThat(claim(red, "payment").status()).isEqualTo(201);
    Http.Answer text =
        red.postJson(
            "/api/play/diagnoses",
            "{\"incident\": \"" + incident + "\", \"text\": \"the payment link is slow\"}");
    assertThat(text.json().get("outcome").asText()).isEqualTo("pending");
    assertThat(diagnose(red, incident, "payment", "latency").status())
        .as("no second diagnosis while one waits")
        .isEqualTo(409);

    JsonNode reviews = gm.getJson("/api/gamedays/" + day + "/reviews");
    assertThat(reviews).hasSize(1);
    assertThat(reviews.get(0).get("answerComponent").asText()).isEqualTo("payment");
    long play = reviews.get(0).get("play").get("id").asLong();
    assertThat(
            red.postJson("/api/gamedays/" + day + "/reviews/" + play, "{\"accept\": true}")
                .status())
        .as("a player cannot judge")
        .isEqualTo(403);
    Http.Answer accepted =
        gm.postJson("/api/gamedays/" + day + "/reviews/" + play, "{\"accept\": true}");
    assertThat(accepted.json().get("outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(
            gm.postJson("/api/gamedays/" + day + "/reviews/" + play, "{\"accept\": false}")
                .status())
        .isEqualTo(409);

    assertThat(row(board(), "red").get("diagnosed").asInt()).isEqualTo(1);
    assertThat(gm.getJson("/api/audit?action=diagnosis-accepted").findValuesAsText("actor"))
        .contains(TestAccounts.GAME_MASTER);
  }

  @Test
  void aDeclaredFixCountsOnceTheMetricsShowTheSteadyStateHeld() {
    String incident = fire("demo/until-fixed/payment-primary-down");
    assertThat(claim(blue, "booking").status()).isEqualTo(201);
    Http.Answer fix = blue.postJson("/api/play/fixes", "{\"incident\": \"" + incident + "\"}");
    assertThat(fix.status()).as(fix.body()).isEqualTo(201);
    assertThat(fix.json().get("outcome").asText()).isEqualTo("pending");
    assertThat(blue.getJson("/api/play").get("incidents").get(0).get("fix").asText())
        .as("declared, not yet shown by the metrics")
        .isEqualTo("pending");

    // The team's real fix: fail payment over to its replica on the ops console, which the server
    // serves to its signed-in players; the pull is blue's. Without the server, nobody pulls.
    assertThat(
            new Http(DemoTargets.demo.opsUrl())
                .post("/ops/payment/failover?to=replica", "", "text/plain")
                .status())
        .isEqualTo(401);
    Http.Answer pulled =
        blue.post("/ops/payment/failover?to=replica", "", "application/x-www-form-urlencoded");
    assertThat(pulled.status()).as(pulled.body()).isEqualTo(200);
    assertThat(blue.get("/ops/state").body()).contains(day + "-blue (team blue)");
    assertThat(blue.get("/ops").body()).contains("action=\"/ops/payment/failover\"");
    assertThat(new Http(base).get("/ops/state").status()).isEqualTo(401);

    await()
        .atMost(Duration.ofSeconds(40))
        .until(
            () ->
                gm.getJson("/api/incidents/" + incident)
                    .get("incident")
                    .get("state")
                    .asText()
                    .equals("CLOSED"));
    JsonNode card = blue.getJson("/api/play").get("incidents").get(0);
    assertThat(card.get("fix").asText()).isEqualTo("accepted");
    assertThat(row(board(), "blue").get("recovered").asInt()).isEqualTo(1);
  }

  @Test
  void viewersReceiveTheBoardWithinMomentsOfAScoringEvent() throws Exception {
    fire("test/play-gentle");
    Http viewer = PlayAccounts.ready(gm, "board-viewer", "viewer", null, null);
    BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/gamedays/" + day + "/board/stream"));
    viewer.headers().forEach(request::header);
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  if (line.startsWith("data:")) {
                    events.add(JSON.readTree(line.substring(5).strip()));
                  }
                }
              } catch (Exception e) {
                // the stream closed at the end of the test
              }
            });
    reader.setDaemon(true);
    reader.start();
    try {
      JsonNode first = events.poll(10, TimeUnit.SECONDS);
      assertThat(first).as("the board as it is, at once").isNotNull();
      assertThat(row(first, "blue").get("points").asInt()).isZero();

      long t0 = System.nanoTime();
      assertThat(claim(blue, "booking").status()).isEqualTo(201);
      JsonNode pushed = null;
      while (pushed == null || row(pushed, "blue").get("points").asInt() == 0) {
        pushed = events.poll(5, TimeUnit.SECONDS);
        assertThat(pushed).as("a board with blue's detection").isNotNull();
      }
      System.out.printf(
          "claim acknowledged → viewer received: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      assertThat(row(pushed, "blue").get("detected").asInt()).isEqualTo(1);
      assertThat(pushed.get("recent").get(0).get("text").asText())
          .isEqualTo("+" + row(pushed, "blue").get("points").asInt() + " detect (incident 1)");
    } finally {
      response.body().close();
    }
  }

  /** The first board a new viewer of the stream receives. */
  private JsonNode firstPushedBoard(Http viewer) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/gamedays/" + day + "/board/stream"));
    viewer.headers().forEach(request::header);
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("data:")) {
          return JSON.readTree(line.substring(5).strip());
        }
      }
    }
    throw new AssertionError("the stream ended without a board");
  }

  @Test
  void theFirstBoardOfTheStreamIsTheCurrentOneEvenAfterNobodyWatchedForAWhile() throws Exception {
    Http viewer = PlayAccounts.ready(gm, "late-viewer", "viewer", null, null);
    assertThat(firstPushedBoard(viewer).get("frozenAt").isNull()).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> hub.viewers() == 0);

    // Another node of a cluster freezes the board: no event reaches this node's push.
    playStore.setFrozenAt(day, Instant.now());

    JsonNode first = firstPushedBoard(viewer);
    assertThat(first.get("frozenAt").isNull()).as("the first board is the current one").isFalse();
    assertThat(first.get("version").asLong()).isEqualTo(board().get("version").asLong());
  }

  @Test
  void aFrozenBoardHidesLaterPlaysFromViewersButNotFromTheGameMaster() {
    fire("test/play-gentle");
    assertThat(gm.post("/api/gamedays/" + day + "/board/freeze", "", "text/plain").status())
        .isEqualTo(200);
    assertThat(claim(blue, "booking").status()).isEqualTo(201);

    JsonNode frozen = blue.getJson("/api/gamedays/" + day + "/board");
    assertThat(frozen.get("frozenAt").isNull()).isFalse();
    assertThat(row(frozen, "blue").get("points").asInt()).isZero();
    JsonNode live = gm.getJson("/api/gamedays/" + day + "/board?live=true");
    assertThat(row(live, "blue").get("points").asInt()).isPositive();

    gm.post("/api/gamedays/" + day + "/board/unfreeze", "", "text/plain");
    assertThat(row(blue.getJson("/api/gamedays/" + day + "/board"), "blue").get("points").asInt())
        .isPositive();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
