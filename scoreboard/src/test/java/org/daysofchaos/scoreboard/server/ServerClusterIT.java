package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.daysofchaos.demo.DemoSystem;
import org.daysofchaos.scoreboard.api.PlayAccounts;
import org.daysofchaos.scoreboard.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server nodes on one PostgreSQL form a Quartz cluster. A viewer of one node's board sees a
 * play made on the other. One is killed with SIGKILL in the middle of a game day: every incident
 * still fires exactly once, the survivor reverts what the dead node had injected, and nothing stays
 * injected. A killed node that comes back is not ready until its own crash recovery has reverted
 * what it left.
 */
class ServerClusterIT {
  static final String BLIP =
      TestScenarios.paymentLatency("cluster/blip", "A short blip")
          .lasting("3s", "1m")
          .detectedAbove("100")
          .recovery("250ms", "10s")
          .yaml();

  static final int INCIDENTS = 24;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void everyIncidentFiresExactlyOnceAndNothingStaysInjectedWhenANodeDies() throws Exception {
    try (DemoSystem demo = DemoSystem.start();
        TestDatabases.TestDatabase pg = TestDatabases.emptyPostgres()) {
      StringBuilder day =
          new StringBuilder(
              "id: cluster-day\nname: Cluster day\nwindow: { lasts: 10m }\nteams: [blue]\n"
                  + "scenarios:\n");
      for (int i = 0; i < INCIDENTS; i++) {
        day.append("  - {scenario: cluster/blip, at: ").append(6 + i).append("s}\n");
      }
      List<String> jvm =
          List.of(
              "-Dquarkus.profile=pg",
              "-Dquarkus.datasource.jdbc.url=" + pg.jdbcUrl(),
              "-Dchaos.run.interval=250ms",
              "-Dchaos.node.dead-after=4s");
      ServerProcess.Server serverB = server(demo, jvm, "b");
      try (ServerProcess a = node(demo, jvm, "a");
          ServerProcess b = serverB.start(dir)) {
        Http apiA = a.awaitApi(Duration.ofSeconds(60));
        Http apiB = b.awaitApi(Duration.ofSeconds(60));
        assertThat(apiA.postYaml("/api/scenarios", BLIP).status()).isEqualTo(201);
        assertThat(apiA.postYaml("/api/gamedays", day.toString()).status()).isEqualTo(201);
        assertThat(apiA.post("/api/gamedays/cluster-day/start", "", "text/plain").status())
            .isEqualTo(200);
        aViewerOfBSeesAPlayMadeOnA(apiA, serverB.base(), apiB);

        // Kill a node while it runs an incident (Quartz decides which node fires what).
        String[] victim = new String[1];
        await()
            .atMost(Duration.ofSeconds(40))
            .pollInterval(Duration.ofMillis(50))
            .until(
                () ->
                    incidents(apiA).stream()
                        .filter(i -> i.get("state").asText().equals("RUNNING"))
                        .map(i -> i.get("nodeId").asText())
                        .filter(n -> n.equals("a") || n.equals("b"))
                        .peek(n -> victim[0] = n)
                        .findFirst()
                        .isPresent());
        String dead = victim[0];
        String alive = dead.equals("a") ? "b" : "a";
        (dead.equals("a") ? a : b).kill();
        Http survivor = dead.equals("a") ? apiB : apiA;

        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () ->
                    incidents(survivor).stream()
                        .noneMatch(
                            i -> Set.of("SCHEDULED", "RUNNING").contains(i.get("state").asText())));

        List<JsonNode> all = incidents(survivor);
        assertThat(all).hasSize(INCIDENTS);
        assertThat(all)
            .as("every incident fired (none missed)")
            .allSatisfy(i -> assertThat(i.get("state").asText()).isEqualTo("CLOSED"));
        List<String> takenOver = new ArrayList<>();
        for (JsonNode incident : all) {
          JsonNode detail = survivor.getJson("/api/incidents/" + incident.get("id").asText());
          List<String> types = detail.get("journal").findValuesAsText("type");
          long runs = types.stream().filter("RUN_STARTED"::equals).count();
          boolean tookOver =
              detail.get("incident").get("reason").asText().contains("node " + dead + " stopped");
          if (tookOver) {
            // The dead node may have died anywhere in the run, even before its first journal line.
            takenOver.add(incident.get("id").asText());
            assertThat(runs).as("runs of %s", incident.get("id").asText()).isLessThanOrEqualTo(1);
          } else {
            assertThat(runs).as("runs of %s", incident.get("id").asText()).isOne();
          }
          assertThat(detail.get("injections"))
              .hasSizeLessThanOrEqualTo(1)
              .allSatisfy(r -> assertThat(r.get("state").asText()).isEqualTo("REVERTED"));
        }
        long onDead = all.stream().filter(i -> dead.equals(i.get("nodeId").asText())).count();
        long late =
            all.stream()
                .filter(i -> !i.get("startedAt").isNull())
                .filter(
                    i ->
                        Duration.between(
                                    Instant.parse(i.get("scheduledAt").asText()),
                                    Instant.parse(i.get("startedAt").asText()))
                                .compareTo(Duration.ofSeconds(2))
                            > 0)
                .count();
        System.out.printf(
            "cluster: %d incidents, %d closed on node %s before it died, %d taken over by node %s,"
                + " %d started more than 2 s late%n",
            all.size(), onDead, dead, takenOver.size(), alive, late);
        assertThat(takenOver).as("incidents of the dead node closed by the survivor").isNotEmpty();
        // Only the trigger the dead node had already taken waits for Quartz's failure detection;
        // the survivor fires the others on time.
        assertThat(late).isLessThanOrEqualTo(2);
        assertThat(survivor.getJson("/api/ledger?open=true")).isEmpty();
        assertThat(new Http(demo.toxiproxyUrl()).getJson("/proxies/payment/toxics")).isEmpty();
        assertThat((dead.equals("a") ? b : a).terminate()).isZero();
      }
    }
  }

  /**
   * Readiness is the start order (ADR 0012): the first time a restarted replica answers UP on
   * {@code /q/health/ready}, the fault it left when it was killed is reverted already, while the
   * other replica stayed ready. The other does not take the fault over ({@code dead-after} is
   * long), so only the restarted node's own recovery can revert it.
   */
  @Test
  void aRestartedReplicaIsReadyOnlyOnceItsRecoveryHasRevertedWhatItLeft() throws Exception {
    try (DemoSystem demo = DemoSystem.start();
        TestDatabases.TestDatabase pg = TestDatabases.emptyPostgres()) {
      List<String> jvm =
          List.of(
              "-Dquarkus.profile=pg",
              "-Dquarkus.datasource.jdbc.url=" + pg.jdbcUrl(),
              "-Dchaos.run.interval=250ms",
              "-Dchaos.node.dead-after=10m");
      Http toxiproxy = new Http(demo.toxiproxyUrl());
      ServerProcess.Server serverA = server(demo, jvm, "a");
      ServerProcess.Server serverB = server(demo, jvm, "b");
      try (ServerProcess a = serverA.start(dir)) {
        a.awaitApi(Duration.ofSeconds(60));
        try (ServerProcess b = serverB.start(dir)) {
          Http apiB = b.awaitApi(Duration.ofSeconds(60));
          String scenario =
              TestScenarios.paymentLatency("cluster/long", "A long latency")
                  .lasting("5m", "10m")
                  .yaml();
          assertThat(apiB.postYaml("/api/scenarios", scenario).status()).isEqualTo(201);
          Http.Answer fired = apiB.postJson("/api/incidents", "{\"scenario\": \"cluster/long\"}");
          assertThat(fired.status()).as(fired.body()).isEqualTo(201);
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> toxiproxy.getJson("/proxies/payment/toxics").size() == 1);
          b.kill();
        }
        assertThat(toxiproxy.getJson("/proxies/payment/toxics")).as("b's leftover").hasSize(1);

        try (ServerProcess b = serverB.start(dir)) {
          Http ready = new Http(serverB.base());
          int[] notReady = {0};
          await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(20))
              .ignoreExceptions()
              .failFast(() -> !b.process.isAlive())
              .until(
                  () -> {
                    int status = ready.get("/q/health/ready").status();
                    notReady[0] += status == 503 ? 1 : 0;
                    return status == 200;
                  });
          assertThat(toxiproxy.getJson("/proxies/payment/toxics"))
              .as("ready only once its recovery reverted what it left")
              .isEmpty();
          assertThat(new Http(serverA.base()).get("/q/health/ready").status())
              .as("the other replica stayed ready")
              .isEqualTo(200);
          System.out.printf(
              "restarted replica: readiness answered DOWN %d time(s) before UP%n", notReady[0]);
        }
      }
    }
  }

  /**
   * Only node B's poll of the database can tell B's viewers of a play recorded on A (issue 14: in
   * the soak, some reached them minutes late, or never). Done while the test waits for the first
   * incident anyway. A false claim scores only from the second of the day, so a rejected first
   * claim is followed by another; an accepted one scores.
   */
  private static void aViewerOfBSeesAPlayMadeOnA(Http apiA, URI baseB, Http apiB) throws Exception {
    long t0 = System.nanoTime();
    Http blue = PlayAccounts.ready(apiA, "cluster-blue", "player", "cluster-day", "blue");
    List<JsonNode> pushed = new CopyOnWriteArrayList<>();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(baseB.resolve("/api/gamedays/cluster-day/board/stream"));
    apiB.headers().forEach(request::header);
    HttpResponse<InputStream> stream =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    Thread reader = new Thread(() -> read(stream.body(), pushed), "board-viewer-of-b");
    reader.setDaemon(true);
    reader.start();
    try {
      Http.Answer claimed = claim(blue);
      if (claimed.json().get("outcome").asText().equals("rejected")) {
        claimed = claim(blue); // the first false claim of the day is free: no line on the board
      }
      long t1 = System.nanoTime();
      Instant at = Instant.parse(claimed.json().get("at").asText());
      try {
        await()
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> pushed.stream().anyMatch(board -> hasEvent(board, "blue", at)));
      } catch (ConditionTimeoutException e) {
        throw new AssertionError(
            "node b's viewer did not see the play "
                + claimed.body()
                + " made on node a; the last board it received: "
                + (pushed.isEmpty() ? "none" : pushed.get(pushed.size() - 1)),
            e);
      }
      System.out.printf(
          "cluster: a play on node a reached node b's board viewer %d ms after it was recorded"
              + " (%d ms with the player's sign-in)%n",
          (System.nanoTime() - t1) / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
    } finally {
      stream.body().close();
    }
  }

  private static Http.Answer claim(Http player) {
    Http.Answer claimed = player.postJson("/api/play/detections", "{\"service\": \"payment\"}");
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
    return claimed;
  }

  private static void read(InputStream body, List<JsonNode> boards) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("data:")) {
          boards.add(JSON.readTree(line.substring(5).strip()));
        }
      }
    } catch (IOException e) {
      // The test closed the stream.
    }
  }

  private static boolean hasEvent(JsonNode board, String team, Instant at) {
    return StreamSupport.stream(board.get("recent").spliterator(), false)
        .anyMatch(
            e ->
                e.get("team").asText().equals(team)
                    && Instant.parse(e.get("at").asText()).equals(at));
  }

  private ServerProcess node(DemoSystem demo, List<String> jvm, String id) throws Exception {
    return server(demo, jvm, id).start(dir);
  }

  private ServerProcess.Server server(DemoSystem demo, List<String> jvm, String id)
      throws Exception {
    List<String> options =
        new ArrayList<>(List.of("--node-id", id, "--data-dir", dir.resolve(id).toString()));
    options.addAll(ServerProcess.demoTargets(demo));
    return ServerProcess.Server.of(ServerProcess.PG_JAR, jvm, options);
  }

  private static List<JsonNode> incidents(Http api) {
    return StreamSupport.stream(
            api.getJson("/api/incidents?gameDay=cluster-day").spliterator(), false)
        .toList();
  }
}
