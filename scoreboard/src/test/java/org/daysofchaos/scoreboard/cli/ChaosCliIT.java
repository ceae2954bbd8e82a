package org.daysofchaos.scoreboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daysofchaos.core.journal.JournalJson;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.demo.DemoSystem;
import org.daysofchaos.scoreboard.testing.ChaosJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged command line, run as a user runs it: a separate JVM, its output and exit code. */
class ChaosCliIT {
  private static final Path JAR =
      Path.of(
          System.getProperty("chaos.runner.jar", "target/scoreboard-0.1.0-SNAPSHOT-runner.jar"));

  private static final Path DEMO_DAY = Path.of("../scenarios/demo/gameday.yaml").toAbsolutePath();

  @TempDir Path dir;

  /** A running command whose output is collected line by line. */
  private static final class Cli {
    final Process process;
    final List<String> lines = new ArrayList<>();
    final Thread reader;

    Cli(Path workDir, String... args) throws IOException {
      List<String> command = ChaosJvm.command(JAR, List.of(), List.of(args));
      process =
          new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
      reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                      lines.add(line);
                    }
                  }
                } catch (IOException e) {
                  // The process ended.
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    String output() {
      synchronized (lines) {
        return String.join("\n", lines);
      }
    }

    int exitCode() throws InterruptedException {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
      reader.join(10_000);
      return process.exitValue();
    }
  }

  @Test
  void validateListsEveryProblemWithItsPositionAndExitsWithOne() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        """
        id: demo/bad
        title: Bad
        weight: 11
        targets:
          db: { proxy: db }
        faults:
          - kind: network/latency
            target: db
            latency: -5s
        steadyState:
          - kind: metric/threshold
            query: up
            below: 1
        """);

    Cli cli = new Cli(dir, "validate", "bad.yaml");

    assertThat(cli.exitCode()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(cli.output())
                    .contains("bad.yaml:3:9: weight: ")
                    .contains("bad.yaml:9:14: faults[0].latency: ")
                    .doesNotContain("Exception"));
  }

  @Test
  void validateChecksAnEnvironmentAndTheScenariosTargetsAgainstIt() throws Exception {
    Files.writeString(
        dir.resolve("environment.yaml"),
        """
        toxiproxy:
          edge: { url: "http://127.0.0.1:8474" }
        prometheus:
          main: { url: "http://127.0.0.1:9090", bearer: { fromEnv: CHAOS_IT_UNSET_TOKEN } }
        """);
    Path shipped = Path.of("../scenarios/demo/payment-latency.yaml").toAbsolutePath();

    Cli cli = new Cli(dir, "validate", "--environment", "environment.yaml", shipped.toString());

    assertThat(cli.exitCode()).as(cli.output()).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(cli.output())
                    .contains(
                        "environment.yaml:4:49: prometheus.main.bearer.fromEnv: the variable"
                            + " CHAOS_IT_UNSET_TOKEN is not set")
                    .doesNotContain("Exception"));

    Files.writeString(
        dir.resolve("environment.yaml"),
        "toxiproxy:\n  edge: { url: \"http://127.0.0.1:8474\" }\n");
    Cli gaps = new Cli(dir, "validate", "--environment", "environment.yaml", shipped.toString());

    assertThat(gaps.exitCode()).as(gaps.output()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(gaps.output())
                    .contains("environment.yaml: valid environment")
                    .contains(
                        "environment.yaml: demo/payment-latency: target payment-link: the"
                            + " environment names no toxiproxy server 'default' (it names edge)"));
  }

  @Test
  void aLibraryScenarioTakesTheEnvironmentsParametersAndTheCommandLineWins() throws Exception {
    Files.writeString(
        dir.resolve("environment.yaml"),
        """
        toxiproxy:
          default: { url: "http://127.0.0.1:8474" }
        prometheus:
          default: { url: "http://127.0.0.1:9090" }
        parameters:
          service: orders
          paymentsProxy: billing
        """);
    Path library = Path.of("../scenarios/preprod/payments-latency.yaml").toAbsolutePath();

    Cli cli =
        new Cli(
            dir,
            "validate",
            "--environment",
            "environment.yaml",
            "--param",
            "paymentsProxy=billing-eu",
            library.toString());

    assertThat(cli.exitCode()).as(cli.output()).isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(cli.output())
                    .contains("on payments-link (proxy billing-eu)")
                    .contains("http_server_requests_seconds_bucket{service=\"orders\"}[1m]")
                    .doesNotContain("checkout\""));
  }

  @Test
  void serveRefusesABrokenEnvironmentBeforeStartingAnything() throws Exception {
    Files.writeString(
        dir.resolve("environment.yaml"),
        "kubernetes:\n  preprod: { namespaces: [] }\nprocesses:\n  app: { pid: 1, command: x }\n");

    Cli cli = new Cli(dir, "serve", "--port", "0", "--data-dir", dir.resolve("data").toString());

    assertThat(cli.exitCode()).as(cli.output()).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(cli.output())
                    .contains(
                        "environment.yaml:2:26: kubernetes.preprod.namespaces: name at least one"
                            + " namespace that scenarios may touch")
                    .contains("environment.yaml:4:18: processes.app.command: give only one of")
                    .doesNotContain("Exception")
                    .doesNotContain("Listening"));
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void thePreFlightOfTheDemoGameDayPassesEveryItemAndTouchesNothing() throws Exception {
    try (DemoSystem demo = DemoSystem.start()) {
      Files.writeString(
          dir.resolve("environment.yaml"),
          """
          toxiproxy:
            default: { url: "%s" }
          processes:
            inventory: { pid: %d }
          metrics: ["%s"]
          agents: [demo-host]
          """
              .formatted(demo.toxiproxyUrl(), demo.inventoryPid(), demo.metricsUrl()));

      Cli cli =
          new Cli(
              dir,
              "validate",
              "--environment",
              "environment.yaml",
              "--live",
              "--gameday",
              DEMO_DAY.toString());

      assertThat(cli.exitCode()).as(cli.output()).isZero();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(cli.output())
                      .contains("game day demo-day, 5 scenario slot(s), teams blue, red")
                      .contains("[ok]   demo/payment-latency: target payment-link: ")
                      .contains(
                          "[ok]   demo/until-fixed/inventory-frozen: target inventory-process")
                      // Its host agent links to a server (serve --demo, ServeAndHaltCliIT).
                      .contains("[skip] demo/bad-config: agent demo-host: host agents connect")
                      .containsPattern(
                          "pre-flight: \\d+ item\\(s\\) checked, 0 failed, 1 scenario\\(s\\)"
                              + " left to the server's pre-flight")
                      .doesNotContain("[FAIL]"));
    }
  }

  @Test
  void thePreFlightNamesEveryFailingItem() throws Exception {
    try (DemoSystem demo = DemoSystem.start()) {
      Files.writeString(
          dir.resolve("environment.yaml"),
          """
          toxiproxy:
            default: { url: "%s" }
          processes:
            inventory: { pidFile: no-such.pid }
          metrics: ["http://127.0.0.1:9/metrics"]
          """
              .formatted(demo.toxiproxyUrl()));
      Path scenarios = Path.of("../scenarios/demo").toAbsolutePath();

      Cli cli =
          new Cli(
              dir,
              "validate",
              "--environment",
              "environment.yaml",
              "--live",
              scenarios.resolve("payment-latency.yaml").toString(),
              scenarios.resolve("inventory-freeze.yaml").toString());

      assertThat(cli.exitCode()).as(cli.output()).isEqualTo(1);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(cli.output())
                      .contains("[ok]   demo/payment-latency: target payment-link: ")
                      .contains(
                          "[FAIL] demo/inventory-freeze: target inventory-process: refused:"
                              + " cannot read the pid file "
                              + dir.resolve("no-such.pid")
                              + ": no such file")
                      .contains("[FAIL] demo/payment-latency: steady state metric/threshold")
                      .contains("pre-flight: 7 item(s) checked, 6 failed")
                      .doesNotContain("\tat "));
    }
  }

  @Test
  void runRefusesAMetricProbeWhoseSourceIsNotConfiguredBeforeAnythingRuns() throws Exception {
    Files.writeString(
        dir.resolve("p99.yaml"),
        """
        id: test/p99
        title: P99
        targets:
          db: { proxy: db }
        faults:
          - { kind: network/latency, target: db, latency: 1s }
        steadyState:
          - kind: metric/threshold
            source: staging
            query: histogram_quantile(0.99, sum by (le) (rate(x_bucket[1m])))
            below: 0.5
        """);

    Cli cli =
        new Cli(
            dir,
            "run",
            "--ledger",
            dir.resolve("ledger.jsonl").toString(),
            "--toxiproxy",
            "http://127.0.0.1:1",
            "--prometheus",
            "preprod=http://127.0.0.1:1",
            "p99.yaml");

    assertThat(cli.exitCode()).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(cli.output())
                    .contains(
                        "error: test/p99: probe histogram_quantile(0.99, sum by (le)"
                            + " (rate(x_bucket[1m]))) < 0.5 (on staging) names metric source"
                            + " 'staging', which is not configured; configured sources: preprod")
                    .doesNotContain("Exception")
                    .doesNotContain("injecting"));
  }

  @Test
  void validatePrintsTheDryRunOfAValidFile() throws Exception {
    Path shipped = Path.of("../scenarios/demo/payment-latency.yaml").toAbsolutePath();

    Cli cli = new Cli(dir, "validate", shipped.toString());

    assertThat(cli.exitCode()).isEqualTo(0);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(cli.output())
                    .contains(
                        "inject network/latency on payment-link (proxy payment): latency 800ms ±100ms")
                    .contains("nothing was injected (dry run)"));
  }

  @Test
  void demoRunsAScenarioPrintsTheSummaryAndWritesTheJournal() throws Exception {
    Cli cli =
        new Cli(
            dir,
            "demo",
            "inventory-outage",
            "--duration",
            "3s",
            "--hold-for",
            "1s",
            "--interval",
            "250ms",
            "--journal-json",
            "journal.json");

    assertThat(cli.exitCode()).as(cli.output()).isEqualTo(0);
    assertThat(cli.output())
        .contains("FAULT_ACTIVE")
        .contains("fault injected at ")
        .contains("detected: after ")
        .contains("by booking_error_ratio > 0.5")
        // A time-boxed scenario: its recovery counts from the end of the fault, and says so.
        .contains("recovered: self-healing after the fault ended: ")
        .contains("[time-boxed]")
        .contains("verdict: PASSED");
    JournalJson.Document journal = JournalJson.read(dir.resolve("journal.json"));
    assertThat(journal.format()).isEqualTo(1);
    assertThat(journal.run().verdict()).isEqualTo(Verdict.PASSED);
    assertThat(journal.run().mode()).contains(org.daysofchaos.core.Mode.TIME_BOXED);
    assertThat(Files.readString(dir.resolve("journal.json")))
        .contains("\"kind\" : \"SELF_HEALING\"");
    assertThat(journal.run().detection()).isPresent();
  }

  @Test
  void aTerminationSignalRevertsTheFaultBeforeTheProcessExits() throws Exception {
    Cli cli =
        new Cli(
            dir, "demo", "inventory-freeze", "--duration", "2m", "--journal-json", "journal.json");
    await().atMost(Duration.ofSeconds(90)).until(() -> cli.output().contains("FAULT_ACTIVE"));
    Matcher pid = Pattern.compile("inventory process pid (\\d+)").matcher(cli.output());
    assertThat(pid.find()).isTrue();
    long inventory = Long.parseLong(pid.group(1));

    // As an orchestrator would; Process.destroy() would also close our end of its output.
    new ProcessBuilder("kill", "-TERM", Long.toString(cli.process.pid())).start().waitFor();

    int exit = cli.exitCode();
    assertThat(cli.output())
        .as("exit code %d", exit)
        .contains("REVERTED")
        .contains("stopped by a signal")
        .contains("verdict: ABORTED");
    assertThat(JournalJson.read(dir.resolve("journal.json")).run().verdict())
        .isEqualTo(Verdict.ABORTED);
    // The frozen inventory process was resumed, so it saw its parent go and ended.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ProcessHandle.of(inventory).map(p -> !p.isAlive()).orElse(true));
  }
}
