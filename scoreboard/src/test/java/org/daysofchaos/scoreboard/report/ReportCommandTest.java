package org.daysofchaos.scoreboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.JournalJson;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.report.GameDayReport;
import org.daysofchaos.core.report.ReportJson;
import org.daysofchaos.scoreboard.cli.ReportCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** chaos report --journals: the report of CI runs without a server, in each format. */
class ReportCommandTest {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path dir;
  String error;

  private Path journal(String name, String run, String scenario, long detectAfter)
      throws IOException {
    Duration second = Duration.ofSeconds(1);
    RunResult result =
        new RunResult(
            run,
            scenario,
            "a title",
            Optional.empty(),
            Verdict.PASSED,
            "recovered",
            T0,
            Optional.of(T0),
            Optional.of(
                new Measurement(
                    T0.plusSeconds(detectAfter), Duration.ofSeconds(detectAfter), "p99", second)),
            Optional.of(T0.plusSeconds(30)),
            Optional.of(
                new Measurement(T0.plusSeconds(36), Duration.ofSeconds(36), "held", second)),
            true,
            List.of(new JournalEvent(T0, EventType.RUN_STARTED, "run", Map.of())));
    Path file = dir.resolve(name);
    JournalJson.write(result, file);
    return file;
  }

  private int run(String... args) {
    return new CommandLine(new ReportCommand())
        .setExecutionExceptionHandler(
            (e, cl, parsed) -> {
              error = e.getMessage();
              return 2;
            })
        .execute(args);
  }

  @Test
  void reportsJournalFilesWithTheShippedScenariosServices() throws IOException {
    Path a = journal("a.json", "r1", "demo/payment-latency", 2);
    Path b = journal("b.json", "r2", "demo/inventory-outage", 4);
    Path out = dir.resolve("out/report.json");

    assertThat(
            run("--journals", a.toString(), b.toString(), "--format", "json", "-o", out.toString()))
        .as(error)
        .isZero();

    GameDayReport r = ReportJson.readGameDay(Files.readString(out));
    assertThat(r.funnel().injected()).isEqualTo(2);
    assertThat(r.services()).extracting(s -> s.key()).containsExactly("inventory", "payment");
    assertThat(r.timeToDetect().p50()).contains(Duration.ofSeconds(2));
  }

  @Test
  void writesTextCsvAndPdf() throws IOException {
    Path a = journal("a.json", "r1", "demo/payment-latency", 2);
    Path text = dir.resolve("r.txt");
    Path csv = dir.resolve("r.csv");
    Path pdf = dir.resolve("r.pdf");
    assertThat(run("--journals", a.toString(), "-o", text.toString())).isZero();
    assertThat(Files.readString(text)).startsWith("Resilience report: 1 journal file\n");
    assertThat(run("--journals", a.toString(), "--format", "csv", "-o", csv.toString())).isZero();
    assertThat(Files.readAllLines(csv)).hasSize(2);
    assertThat(run("--journals", a.toString(), "--format", "pdf", "-o", pdf.toString())).isZero();
    assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1))
        .startsWith("%PDF-");
  }

  @Test
  void explainsBadInputInOneLine() throws IOException {
    assertThat(run("--format", "text")).isEqualTo(2);
    assertThat(error)
        .isEqualTo(
            "give either --journals FILE... (offline) or --game-day ID / --trend (from --server)");
    Path missing = dir.resolve("missing.json");
    assertThat(run("--journals", missing.toString())).isEqualTo(2);
    assertThat(error).isEqualTo(missing + ": no such file");
    Path a = journal("a.json", "r1", "demo/payment-latency", 2);
    assertThat(run("--journals", a.toString(), "--format", "pdf")).isEqualTo(2);
    assertThat(error).isEqualTo("a PDF needs --output FILE");
  }
}
