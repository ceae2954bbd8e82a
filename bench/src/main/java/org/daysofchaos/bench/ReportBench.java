package org.daysofchaos.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.report.GameDayFacts;
import org.daysofchaos.core.report.GameDayReport;
import org.daysofchaos.core.report.IncidentRecord;
import org.daysofchaos.core.report.Notes;
import org.daysofchaos.core.report.Observer;
import org.daysofchaos.core.report.ReportInput;
import org.daysofchaos.core.report.ReportJson;
import org.daysofchaos.core.report.Reports;
import org.daysofchaos.core.report.SteadyStateChange;
import org.daysofchaos.core.report.Timing;
import org.daysofchaos.core.report.TrendReport;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.core.scoring.PlayType;
import org.daysofchaos.core.scoring.ScoringRules;
import org.daysofchaos.scoreboard.report.ReportCsv;
import org.daysofchaos.scoreboard.report.ReportPages;
import org.daysofchaos.scoreboard.report.ReportPdf;

/**
 * How long the resilience reports take over a year of history: 50 game days of 30 incidents and 20
 * teams (docs/benchmarks.md). The history is made up with a fixed seed; every figure is the median
 * of several rounds after a warm-up, in one JVM, as the server computes them.
 *
 * <p>Arguments: the Markdown report to write. Options (-D): bench.report.days (50),
 * bench.report.incidents (30), bench.report.teams (20), bench.report.rounds (5).
 */
public final class ReportBench {
  static final String[] SERVICES = {
    "payment", "inventory", "booking", "search", "pricing", "notification"
  };
  static final Duration SECOND = Duration.ofSeconds(1);

  private ReportBench() {}

  public static void main(String[] args) throws IOException {
    int days = Integer.getInteger("bench.report.days", 50);
    int incidents = Integer.getInteger("bench.report.incidents", 30);
    int teams = Integer.getInteger("bench.report.teams", 20);
    int rounds = Integer.getInteger("bench.report.rounds", 5);
    Path out = Path.of(args.length > 0 ? args[0] : "target/report-bench.md");

    List<ReportInput> history = history(days, incidents, teams, new Random(42));
    int plays = history.stream().mapToInt(h -> h.plays().size()).sum();
    System.err.printf(
        Locale.ROOT,
        "history: %d game days, %d incidents, %d teams, %d plays%n",
        days,
        days * incidents,
        teams,
        plays);

    ReportPages pages = new ReportPages();
    List<String> rows = new ArrayList<>();
    List<GameDayReport> reports = history.stream().map(Reports::gameDay).toList();
    TrendReport trend = Reports.trend(reports, Instant.now());

    rows.add(
        row(
            "compute 50 game-day reports + the trend (core)",
            rounds,
            () -> {
              List<GameDayReport> r = history.stream().map(Reports::gameDay).toList();
              return Reports.trend(r, Instant.now());
            },
            t -> ""));
    rows.add(row("trend as JSON", rounds, () -> ReportJson.toJson(trend), ReportBench::size));
    rows.add(
        row(
            "every incident × team as CSV",
            rounds,
            () -> ReportCsv.toCsv(reports),
            ReportBench::size));
    rows.add(
        row(
            "trend page (HTML with 4 SVG charts)",
            rounds,
            () -> pages.trend(trend, ReportPages.Medium.WEB),
            ReportBench::size));
    rows.add(
        row(
            "trend as PDF",
            rounds,
            () -> ReportPdf.render(pages.trend(trend, ReportPages.Medium.PDF)),
            b -> size(b) + ", " + pagesOf(b) + " pages"));
    GameDayReport last = reports.get(reports.size() - 1);
    rows.add(
        row(
            "one game day's page (30 timelines)",
            rounds,
            () -> pages.gameDay(last, ReportPages.Medium.WEB, false),
            ReportBench::size));
    rows.add(
        row(
            "one game day as PDF",
            rounds,
            () -> ReportPdf.render(pages.gameDay(last, ReportPages.Medium.PDF, false)),
            b -> size(b) + ", " + pagesOf(b) + " pages"));

    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Report bench: %d game days × %d incidents × %d teams (%d plays), Java %s, %d cores;"
                + " median of %d rounds after a warm-up (min–max)%n%n",
            days,
            incidents,
            teams,
            plays,
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            rounds));
    md.append("| what | median | min–max | output |\n|---|---:|---:|---|\n");
    rows.forEach(r -> md.append(r).append('\n'));
    System.out.print(md);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
  }

  private static <T> String row(
      String what, int rounds, Supplier<T> work, java.util.function.Function<T, String> describe) {
    T result = work.get(); // warm-up
    long[] nanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      result = work.get();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.err.println("done: " + what);
    return String.format(
        Locale.ROOT,
        "| %s | **%s** | %s–%s | %s |",
        what,
        ms(nanos[rounds / 2]),
        ms(nanos[0]),
        ms(nanos[rounds - 1]),
        describe.apply(result));
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%,d ms", nanos / 1_000_000);
  }

  private static String size(Object o) {
    long bytes =
        o instanceof byte[] b ? b.length : o.toString().getBytes(StandardCharsets.UTF_8).length;
    return String.format(Locale.ROOT, "%,d KiB", (bytes + 1023) / 1024);
  }

  private static int pagesOf(byte[] pdf) {
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    } catch (IOException e) {
      return -1;
    }
  }

  // --- a made-up year of game days ------------------------------------------------------------

  static List<ReportInput> history(int days, int incidents, int teams, Random random) {
    Instant start = Instant.parse("2025-01-06T09:00:00Z");
    List<String> names = new ArrayList<>();
    for (int t = 0; t < teams; t++) {
      names.add("team-" + (t + 1));
    }
    List<ReportInput> history = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      Instant dayStart = start.plus(Duration.ofDays(7L * d));
      String dayId = "day-" + (d + 1);
      List<IncidentRecord> records = new ArrayList<>();
      List<Play> plays = new ArrayList<>();
      long[] seq = {0};
      for (int i = 0; i < incidents; i++) {
        Instant t0 = dayStart.plusSeconds(i * 600L + random.nextInt(300));
        String service = SERVICES[random.nextInt(SERVICES.length)];
        String id = dayId + "-" + (i + 1);
        // Monitoring gets better over the year: the chance of a signal or an alert grows.
        double better = 0.4 + 0.4 * d / Math.max(1, days - 1);
        Optional<Timing> signal =
            random.nextDouble() < better
                ? Optional.of(at(t0, 5 + random.nextInt(120), Observer.SIGNAL, "signal", SECOND))
                : Optional.empty();
        Optional<Timing> alert =
            random.nextDouble() < better - 0.2
                ? Optional.of(
                    at(t0, 20 + random.nextInt(180), Observer.ALERT, "Alert", Duration.ZERO))
                : Optional.empty();
        Mode mode = random.nextBoolean() ? Mode.TIME_BOXED : Mode.UNTIL_FIXED;
        long end = 300 + random.nextInt(900);
        Optional<Timing> recovery =
            random.nextDouble() < 0.8
                ? Optional.of(
                    at(
                        t0,
                        end - (mode == Mode.UNTIL_FIXED ? 10 : -20),
                        Observer.STEADY_STATE,
                        "held",
                        SECOND))
                : Optional.empty();
        records.add(
            new IncidentRecord(
                id,
                dayId,
                "scenario/" + service + "-" + (i % 2),
                "Scenario " + i,
                service,
                1 + random.nextInt(10),
                mode,
                t0,
                Optional.of(t0.plusSeconds(end)),
                signal,
                alert,
                recovery,
                Optional.of(Verdict.PASSED),
                List.of(
                    new SteadyStateChange(t0.plusSeconds(3), false),
                    new SteadyStateChange(t0.plusSeconds(end + 5), true))));
        for (String team : names) {
          if (random.nextDouble() < 0.15) {
            plays.add(
                play(++seq[0], team, id, PlayType.ALERT, t0.plusSeconds(10 + random.nextInt(200))));
          }
          if (random.nextDouble() < 0.7) {
            long claim = 30 + random.nextInt(600);
            plays.add(play(++seq[0], team, id, PlayType.DETECTION_CLAIM, t0.plusSeconds(claim)));
            if (random.nextDouble() < 0.3) {
              plays.add(
                  new Play(
                      ++seq[0],
                      team,
                      id,
                      PlayType.HINT,
                      t0.plusSeconds(claim + 60),
                      Outcome.ACCEPTED,
                      0,
                      ""));
            }
            if (random.nextDouble() < 0.5) {
              plays.add(
                  play(
                      ++seq[0],
                      team,
                      id,
                      PlayType.DIAGNOSIS,
                      t0.plusSeconds(claim + 60 + random.nextInt(900))));
            }
            if (mode == Mode.UNTIL_FIXED && recovery.isPresent() && random.nextDouble() < 0.3) {
              plays.add(play(++seq[0], team, id, PlayType.FIX, recovery.get().at()));
            }
          }
        }
      }
      plays.sort(java.util.Comparator.comparing(Play::at));
      history.add(
          new ReportInput(
              new GameDayFacts(
                  dayId,
                  "Game day " + (d + 1),
                  "finished",
                  false,
                  Optional.of(dayStart),
                  dayStart.plus(Duration.ofHours(6))),
              names,
              records,
              plays,
              ScoringRules.defaults(),
              Optional.empty(),
              Notes.none()));
    }
    return history;
  }

  private static Timing at(Instant t0, long seconds, Observer by, String source, Duration res) {
    return Timing.since(t0, t0.plusSeconds(seconds), by, source, res);
  }

  private static Play play(long seq, String team, String incident, PlayType type, Instant at) {
    return new Play(seq, team, incident, type, at, Outcome.ACCEPTED, -1, "");
  }
}
