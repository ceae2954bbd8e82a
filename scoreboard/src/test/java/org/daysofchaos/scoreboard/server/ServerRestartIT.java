package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.daysofchaos.demo.DemoSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service manager restarts the server with the same command line ({@code serve --gameday FILE})
 * whatever its game day is doing: after a SIGKILL mid-day and after a SIGTERM, the server serves
 * again, the game day goes on (it is not reset), the faults are reverted and the crashed incident
 * keeps its detection; a game-day file edited in between is reported, not applied.
 */
class ServerRestartIT {
  /** A harmless latency that lasts, detected at once (the error ratio is always below 2). */
  static final String LATENCY =
      TestScenarios.paymentLatency("restart/latency", "Latency across restarts")
          .lasting("5m", "10m")
          .detection(
              """
              signals:
                - kind: metric/threshold
                  query: booking_error_ratio
                  below: 2
              """)
          .yaml();

  static final String GAME_DAY =
      """
      id: restart-day
      name: Restart day
      window: { lasts: 1h }
      teams: [blue]
      scenarios:
        - scenario: restart/latency
          at: 1s
        - scenario: restart/latency
          at: 50m
      """;

  private static DemoSystem demo;

  @TempDir Path dir;

  @BeforeAll
  static void startDemo() throws Exception {
    demo = DemoSystem.start();
  }

  @AfterAll
  static void stopDemo() {
    demo.close();
  }

  @Test
  void theSameCommandLineStartsAgainAfterAKillAndATermAndTheGameDayGoesOn() throws Exception {
    Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(scenarios.resolve("latency.yaml"), LATENCY);
    Path gameDay = dir.resolve("gameday.yaml");
    Files.writeString(gameDay, GAME_DAY);
    List<String> options =
        new ArrayList<>(
            List.of(
                "--data-dir",
                dir.resolve("data").toString(),
                "--node-id",
                "restart-it",
                "--scenarios",
                scenarios.toString(),
                "--gameday",
                gameDay.toString()));
    options.addAll(ServerProcess.demoTargets(demo));
    ServerProcess.Server serve =
        ServerProcess.Server.of(ServerProcess.JAR, List.of("-Dchaos.run.interval=250ms"), options);

    String startedAt;
    String crashed;
    try (ServerProcess first = serve.start(dir)) {
      Http api = first.awaitApi(Duration.ofSeconds(60));
      JsonNode day = api.post("/api/gamedays/restart-day/start", "", "text/plain").json();
      startedAt = day.get("startedAt").asText();
      crashed = firstIncident(api);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> !incident(api, crashed).get("detectedAt").isNull());
      assertThat(incident(api, crashed).get("state").asText()).isEqualTo("RUNNING");
      assertThat(toxics()).isOne();
      first.kill();
    }
    assertThat(toxics()).as("the kill left the fault in effect").isOne();

    String fired;
    try (ServerProcess second = serve.start(dir)) {
      Http api = second.awaitApi(Duration.ofSeconds(60));
      goesOn(api, startedAt);
      await().atMost(Duration.ofSeconds(60)).until(() -> toxics() == 0);
      JsonNode incident = incident(api, crashed);
      assertThat(incident.get("state").asText()).isEqualTo("CLOSED");
      assertThat(incident.get("verdict").asText()).isEqualTo("ABORTED");
      assertThat(incident.get("detectedAt").isNull())
          .as("the crashed incident keeps its detection")
          .isFalse();
      assertThat(second.output()).contains("game day restart-day from").contains("goes on");

      fired =
          api.postJson(
                  "/api/incidents",
                  "{\"scenario\": \"restart/latency\", \"gameDay\": \"restart-day\"}")
              .json()
              .get("id")
              .asText();
      await().atMost(Duration.ofSeconds(60)).until(() -> toxics() == 1);
      assertThat(second.terminate()).isZero();
    }
    assertThat(toxics()).as("SIGTERM reverts before the process ends").isZero();

    Files.writeString(gameDay, GAME_DAY.replace("Restart day", "Restart day, edited"));
    try (ServerProcess third = serve.start(dir)) {
      Http api = third.awaitApi(Duration.ofSeconds(60));
      goesOn(api, startedAt);
      assertThat(incident(api, fired).get("state").asText()).isEqualTo("CLOSED");
      assertThat(api.getJson("/api/gamedays/restart-day").get("name").asText())
          .as("the edit is not applied mid-day")
          .isEqualTo("Restart day");
      assertThat(api.getJson("/api/status").get("notices").toString())
          .contains("game day restart-day is RUNNING")
          .contains("changed (first difference at line 2)")
          .contains("NOT applied");
      assertThat(api.getJson("/api/audit?action=gameday-file-changed")).hasSize(1);
      assertThat(third.output()).contains("NOT applied");
      assertThat(third.terminate()).isZero();
    }
  }

  /** The game day is still the one started at {@code startedAt}, running, its later slot ahead. */
  private static void goesOn(Http api, String startedAt) {
    JsonNode day = api.getJson("/api/gamedays/restart-day");
    assertThat(day.get("state").asText()).isEqualTo("RUNNING");
    assertThat(day.get("startedAt").asText()).as("not reset").isEqualTo(startedAt);
    assertThat(list(day.get("incidents")).stream().map(i -> i.get("state").asText()))
        .contains("SCHEDULED");
  }

  private static String firstIncident(Http api) {
    return list(api.getJson("/api/incidents?gameDay=restart-day")).get(0).get("id").asText();
  }

  private static JsonNode incident(Http api, String id) {
    return api.getJson("/api/incidents/" + id).get("incident");
  }

  private static int toxics() {
    return new Http(demo.toxiproxyUrl()).getJson("/proxies/payment/toxics").size();
  }

  @AfterEach
  void leaveTheDemoClean() throws Exception {
    Http proxy = new Http(demo.toxiproxyUrl());
    for (JsonNode toxic : list(proxy.getJson("/proxies/payment/toxics"))) {
      proxy.delete("/proxies/payment/toxics/" + toxic.get("name").asText());
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
