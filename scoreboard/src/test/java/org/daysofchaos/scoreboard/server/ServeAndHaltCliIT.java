package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chaos serve --demo} and the command line next to it: the demo game day starts by itself,
 * {@code chaos halt --server URL} reverts and blocks, and {@code chaos validate} still runs in a
 * second or so without touching the server's database or port. The demo's own host agent connects
 * and plays {@code demo/bad-config} on the demo's file.
 */
class ServeAndHaltCliIT {
  @TempDir Path dir;

  @Test
  void serveDemoStartsTheDemoGameDayAndHaltFromTheCommandLineRevertsAndBlocks() throws Exception {
    // On port 0, as `serve --port 0` is started by hand and by StartupBench: the demo's agent must
    // find the port the system chose (it once tried port -1).
    ServerProcess.Server serve =
        ServerProcess.Server.onAnyPort(
            ServerProcess.JAR,
            List.of(
                "-Dchaos.demo.proxy-port=0",
                "-Dchaos.demo.ops-port=0",
                "-Dchaos.run.interval=250ms"),
            List.of("--demo"));
    try (ServerProcess server = serve.start(dir)) {
      Http api = server.awaitApi(Duration.ofSeconds(60));
      URI base = server.base();
      assertThat(Files.isDirectory(dir.resolve(".chaos"))).isTrue();

      JsonNode day = api.getJson("/api/gamedays/demo-day");
      assertThat(day.get("state").asText()).isEqualTo("RUNNING");
      assertThat(day.get("teams").toString()).contains("blue", "red");
      assertThat(list(day.get("incidents")))
          .hasSize(5)
          .allSatisfy(i -> assertThat(i.get("state").asText()).isEqualTo("SCHEDULED"));
      Path passwords = dir.resolve(".chaos").resolve("first-accounts.txt");
      String oneTime = Files.readString(passwords);
      assertThat(oneTime).containsPattern("blue-player +[A-Za-z0-9]{16} +player of team blue");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords)))
          .as("the one-time passwords are for the server's user only")
          .isEqualTo("rw-------");
      assertThat(server.output())
          .contains("demo game day demo-day started")
          .contains("Their one-time passwords are in " + passwords.toAbsolutePath().normalize())
          .as("no one-time password in the log")
          .doesNotContainPattern("[A-Za-z0-9]{16} +player of team")
          .as("a configured game-master password is never printed")
          .doesNotContain(ServerProcess.GAME_MASTER_PASSWORD);
      // Where the start went, once serving (issue 16): every phase, in the order they end.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(server.output())
                      .containsPattern(
                          "serving \\d+ ms after the JVM started \\(cpu [0-9.]+ s\\): jvm=\\d+"
                              + " early-recovery=\\d+ quarkus=\\d+ database=\\d+ flyway=\\d+"
                              + " boot=\\d+ quartz=\\d+ .*targets=\\d+ recovery=\\d+ catalog=\\d+"
                              + " accounts=\\d+ schedule=\\d+ gamedays=\\d+ demo-gameday=\\d+ .*http=\\d+"
                              + " demo-host=\\d+"));

      long t0 = System.nanoTime();
      ServerProcess validate =
          ServerProcess.start(
              dir,
              ServerProcess.JAR,
              List.of(),
              List.of(
                  "validate",
                  Path.of("../scenarios/demo/payment-latency.yaml").toAbsolutePath().toString()));
      assertThat(validate.exitCode()).as(validate.output()).isZero();
      System.out.printf(
          "validate next to a running server: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      assertThat(validate.output()).contains("nothing was injected (dry run)");

      JsonNode fired =
          api.postJson("/api/incidents", "{\"scenario\": \"demo/inventory-freeze\"}").json();
      String id = fired.get("id").asText();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  api.getJson("/api/ledger?open=true")
                      .findValuesAsText("state")
                      .contains("ACTIVE"));

      ServerProcess refused =
          ServerProcess.start(
              dir,
              ServerProcess.JAR,
              List.of(),
              List.of("halt", "--server", base.toString(), "--token", "doc_not-a-token"));
      assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
      assertThat(refused.output()).contains("the server refused the token (401)");
      assertThat(api.getJson("/api/ledger?open=true")).isNotEmpty();

      String token =
          api.postJson("/api/auth/tokens", "{\"label\": \"cli\"}").json().get("token").asText();
      ServerProcess halt =
          ServerProcess.start(
              dir,
              ServerProcess.JAR,
              List.of(),
              List.of(
                  "halt",
                  "--server",
                  base.toString(),
                  "--reason",
                  "from the CLI",
                  "--token",
                  token));
      assertThat(halt.exitCode()).as(halt.output()).isZero();

      assertThat(halt.output()).contains("\"halted\":true").contains("\"stillActive\":0");
      assertThat(api.getJson("/api/ledger?open=true")).isEmpty();
      assertThat(api.getJson("/api/incidents/" + id).get("incident").get("reason").asText())
          .isEqualTo("halt-all by gamemaster: from the CLI");
      JsonNode blocked =
          api.postJson("/api/incidents", "{\"scenario\": \"demo/payment-latency\"}").json();
      assertThat(blocked.get("reason").asText()).startsWith("not fired: halt-all is in effect");

      ServerProcess release =
          ServerProcess.start(
              dir,
              ServerProcess.JAR,
              List.of(),
              List.of("halt", "--server", base.toString(), "--release", "--token", token));
      assertThat(release.exitCode()).as(release.output()).isZero();
      assertThat(api.getJson("/api/status").get("halted").asBoolean()).isFalse();

      long t1 = System.nanoTime();
      theDemoHostAgentChangesTheBookingConfigAndRevertsItsExactBytes(api, server::output);
      System.out.printf(
          "demo/bad-config through demo-host, applied and reverted: %d ms%n",
          (System.nanoTime() - t1) / 1_000_000);
      assertThat(server.output())
          .as("no credential in the log (the demo agent's is in memory only)")
          .doesNotContainPattern("doc_[A-Za-z0-9_-]{20,}");
      server.terminate();
    }
  }

  /** demo/bad-config through the server's own agent demo-host: applied, then ended by hand. */
  private static void theDemoHostAgentChangesTheBookingConfigAndRevertsItsExactBytes(
      Http api, Supplier<String> log) throws Exception {
    await("demo-host connected")
        .atMost(Duration.ofSeconds(30))
        .until(() -> agent(api).get("connected").asBoolean());
    JsonNode agent = agent(api);
    assertThat(agent.get("revoked").asBoolean()).isFalse();
    assertThat(agent.get("capabilities").has("host/file-change")).isTrue();
    String connected =
        "demo's host agent demo-host connected in \\d+ ms \\(it may change (\\S+) only";
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Pattern.compile(connected).matcher(log.get()).find());
    Path config = Path.of(group(log.get(), connected));
    URI metrics = URI.create(group(log.get(), "demo pre-production .*, metrics (\\S+),"));
    byte[] good = Files.readAllBytes(config);
    await("bookings healthy again after the halt")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> errorRatio(metrics) < 0.05);

    JsonNode fired = api.postJson("/api/incidents", "{\"scenario\": \"demo/bad-config\"}").json();
    String id = fired.get("id").asText();
    await("the bad configuration written by the agent")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Files.readString(config).equals("payment.pool.size=0\n"));
    // The agent reports the faults it holds with its next poll, a moment after the change.
    await("the fault the agent holds, as the server lists it")
        .atMost(Duration.ofSeconds(30))
        .until(() -> agent(api).get("active").size() == 1);

    assertThat(api.post("/api/incidents/" + id + "/end", "", "text/plain").status()).isEqualTo(202);
    await("the agent's revert")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(Files.readAllBytes(config)).isEqualTo(good));
    await().atMost(Duration.ofSeconds(30)).until(() -> agent(api).get("active").isEmpty());
  }

  private static JsonNode agent(Http api) {
    return list(api.getJson("/api/agents")).stream()
        .filter(a -> a.get("name").asText().equals("demo-host"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no agent demo-host"));
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex + " in the server's log").isTrue();
    return m.group(1);
  }

  private static double errorRatio(URI metrics) throws Exception {
    String text = new Http(metrics).get(metrics.getPath()).body();
    return Double.parseDouble(group(text, "(?m)^booking_error_ratio (\\S+)$"));
  }

  @Test
  void haltWithoutAServerSaysSoAndExitsWithAUsageError() throws Exception {
    int port = ServerProcess.freePort();
    ServerProcess halt =
        ServerProcess.start(
            dir,
            ServerProcess.JAR,
            List.of(),
            List.of("halt", "--server", "http://127.0.0.1:" + port, "--token", "doc_x"));

    assertThat(halt.exitCode()).isEqualTo(2);
    assertThat(halt.output())
        .contains("error: no server answers at http://127.0.0.1:" + port)
        .doesNotContain("Exception");
    assertThat(dir.resolve(".chaos")).doesNotExist();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
