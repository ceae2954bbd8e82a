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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chaos serve --demo} and the command line next to it: the demo game day starts by itself,
 * {@code chaos halt --server URL} reverts and blocks, and {@code chaos validate} still runs in a
 * second or so without touching the server's database or port.
 */
class ServeAndHaltCliIT {
  @TempDir Path dir;

  @Test
  void serveDemoStartsTheDemoGameDayAndHaltFromTheCommandLineRevertsAndBlocks() throws Exception {
    ServerProcess.Server serve =
        ServerProcess.Server.of(
            ServerProcess.JAR,
            List.of(
                "-Dchaos.demo.proxy-port=0",
                "-Dchaos.demo.ops-port=0",
                "-Dchaos.run.interval=250ms"),
            List.of("--demo"));
    URI base = serve.base();
    try (ServerProcess server = serve.start(dir)) {
      Http api = server.awaitApi(Duration.ofSeconds(60));
      assertThat(Files.isDirectory(dir.resolve(".chaos"))).isTrue();

      JsonNode day = api.getJson("/api/gamedays/demo-day");
      assertThat(day.get("state").asText()).isEqualTo("RUNNING");
      assertThat(day.get("teams").toString()).contains("blue", "red");
      assertThat(list(day.get("incidents")))
          .hasSize(4)
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
                              + " accounts=\\d+ gamedays=\\d+ demo-gameday=\\d+ .*http=\\d+"));

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
      server.terminate();
    }
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
