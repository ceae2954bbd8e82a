package org.daysofchaos.scoreboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * chaos validate, lint, import ctk and run on Chaos Toolkit experiments, with plain picocli (no
 * Quarkus boot) against a local HTTP stand-in.
 */
class ChaosToolkitCommandsTest {
  @TempDir Path dir;
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          exchange.sendResponseHeaders(200, 2);
          exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
          exchange.close();
        });
    server.start();
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setOut(oldOut);
    System.setErr(oldErr);
    server.stop(0);
  }

  private int chaos(String... args) {
    return new CommandLine(new ChaosCommand())
        .setExecutionExceptionHandler(
            (e, cl, parse) -> {
              System.err.println("error: " + e.getMessage());
              return e instanceof UserError ? ExitCodes.USAGE : ExitCodes.FAILED;
            })
        .execute(args);
  }

  private Path experiment(String method, String rollbacks) throws Exception {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Path file = dir.resolve("experiment.json");
    Files.writeString(
        file,
        """
        {
          "title": "Stand-in experiment",
          "steady-state-hypothesis": {"title": "up", "probes": [
            {"type": "probe", "name": "health", "tolerance": 200,
             "provider": {"type": "http", "url": "BASE/health"}}]},
          "method": [METHOD],
          "rollbacks": [ROLLBACKS]
        }
        """
            .replace("METHOD", method)
            .replace("ROLLBACKS", rollbacks)
            .replace("BASE", base));
    return file;
  }

  private static final String BREAK =
      "{\"type\": \"action\", \"name\": \"break\", \"provider\": {\"type\": \"process\", \"path\": \"true\"}}";

  @Test
  void validateLintAndImportAnExperiment() throws Exception {
    Path file = experiment(BREAK, "");
    assertThat(chaos("validate", file.toString())).isZero();
    assertThat(out.toString()).contains("valid Chaos Toolkit experiment 'Stand-in experiment'");
    assertThat(chaos("lint", file.toString())).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(out.toString())
        .contains("experiment.json:6:14: method: action 'break'")
        .contains("no rollbacks");
    Path scenario = dir.resolve("imported.yaml");
    assertThat(chaos("import", "ctk", file.toString(), "-o", scenario.toString()))
        .isEqualTo(ExitCodes.PROBLEMS);
    assertThat(err.toString())
        .contains("not importable: no action of the method maps to one of our fault kinds");
    file =
        experiment(
            BREAK
                + ", {\"type\": \"action\", \"name\": \"slow\", \"provider\": {\"type\":"
                + " \"python\", \"module\": \"chaostoxi.toxic.actions\", \"func\":"
                + " \"create_latency_toxic\", \"arguments\": {\"for_proxy\": \"api\","
                + " \"toxic_name\": \"slow\", \"latency\": 500}}}",
            "");
    assertThat(chaos("import", "ctk", file.toString(), "-o", scenario.toString()))
        .as(err.toString())
        .isZero();
    assertThat(chaos("validate", scenario.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(scenario))
        .contains("kind: http/status")
        .contains("kind: network/latency")
        .contains("# NOT TRANSLATED action 'break'");
  }

  @Test
  void anUnsupportedProviderIsRefusedBeforeAnythingRuns() throws Exception {
    Path file =
        experiment(
            "{\"type\": \"action\", \"name\": \"aws\", \"provider\": {\"type\": \"python\","
                + " \"module\": \"chaosaws.ec2.actions\", \"func\": \"stop_instances\"}}",
            "");
    assertThat(chaos("run", "--ledger", dir.resolve("l.jsonl").toString(), file.toString()))
        .isEqualTo(ExitCodes.PROBLEMS);
    assertThat(err.toString())
        .contains(
            "experiment.json:6:14: provider: action 'aws': the Python function chaosaws.ec2.actions.stop_instances has no equivalent here (supported: ");
    assertThat(requests).isEmpty();
  }

  @Test
  void runWritesOurJournalAndChaosToolkitsAndRunsTheRollbacks() throws Exception {
    Path file =
        experiment(
            BREAK,
            "{\"type\": \"action\", \"name\": \"repair\", \"provider\": {\"type\": \"http\","
                + " \"url\": \"http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/repair\", \"method\": \"POST\"}}");
    Path ours = dir.resolve("ours.json");
    Path ctk = dir.resolve("journal.json");
    int exit =
        chaos(
            "run",
            "--ledger",
            dir.resolve("l.jsonl").toString(),
            "--journal-json",
            ours.toString(),
            "--journal-format",
            "ctk",
            "--ctk-journal",
            ctk.toString(),
            file.toString());
    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(requests).containsExactly("GET /health", "GET /health", "POST /repair");
    assertThat(Files.readString(ours)).contains("\"verdict\" : \"PASSED\"");
    assertThat(Files.readString(ctk))
        .contains("\"status\" : \"completed\"")
        .contains("\"rollbacks\"");
  }
}
