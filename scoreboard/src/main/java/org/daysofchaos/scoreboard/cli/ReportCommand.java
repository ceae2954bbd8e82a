package org.daysofchaos.scoreboard.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.report.GameDayReport;
import org.daysofchaos.core.report.JournalReports;
import org.daysofchaos.core.report.ReportJson;
import org.daysofchaos.core.report.ReportText;
import org.daysofchaos.core.report.Reports;
import org.daysofchaos.core.report.TrendReport;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.scoreboard.report.ReportCsv;
import org.daysofchaos.scoreboard.report.ReportPages;
import org.daysofchaos.scoreboard.report.ReportPdf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chaos report}: the resilience report of a game day (from a server, through its REST API)
 * or of journal files (offline, for scenarios run in CI), as text, JSON, CSV, HTML or PDF. The same
 * figures as the server's page: both are computed by core's reports.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "The resilience report of a game day, from a running server (--game-day ID, or --trend for"
          + " every game day), or of journal files written by run --journal-json (--journals).",
      "Progress goes to stderr; the report to --output or stdout."
    })
public class ReportCommand implements Callable<Integer> {
  /** The forms of a report. */
  enum Format {
    text,
    json,
    csv,
    html,
    pdf
  }

  @Option(
      names = "--journals",
      arity = "1..*",
      paramLabel = "FILE",
      description = "Journal files (chaos run --journal-json): a report without a server.")
  List<Path> journals = new ArrayList<>();

  @Option(
      names = "--scenarios",
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "Scenario files or folders behind the journals, for each incident's service and weight"
              + " (the shipped scenarios are always known).")
  List<Path> scenarios = new ArrayList<>();

  @Option(names = "--game-day", paramLabel = "ID", description = "A game day on the server.")
  String gameDay;

  @Option(names = "--trend", description = "Every game day of the server, side by side.")
  boolean trend;

  @Option(
      names = "--server",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:8080",
      description = "The server (default: ${DEFAULT-VALUE}).")
  URI server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:CHAOS_TOKEN}",
      description =
          "An API token of a viewer or a game master (default: the CHAOS_TOKEN environment"
              + " variable).")
  String token;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json, csv, html or pdf (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Where to write the report (default: stdout; required for pdf).")
  Path output;

  private final PrintStream progress = System.err;

  @Override
  public Integer call() throws Exception {
    boolean offline = !journals.isEmpty();
    if (offline == (gameDay != null || trend)) {
      throw new UserError(
          "give either --journals FILE... (offline) or --game-day ID / --trend (from --server)");
    }
    if (gameDay != null && trend) {
      throw new UserError("give --game-day ID or --trend, not both");
    }
    if (format == Format.pdf && output == null) {
      throw new UserError("a PDF needs --output FILE");
    }
    byte[] bytes = offline ? fromJournals() : fromServer();
    write(bytes);
    return ExitCodes.OK;
  }

  // --- offline ----------------------------------------------------------------------------------

  private byte[] fromJournals() throws IOException {
    step("reading " + journals.size() + " journal file(s)");
    Map<String, Scenario> known = knownScenarios();
    JournalReports.Loaded loaded;
    try {
      loaded =
          JournalReports.load(
              journals,
              id -> Optional.ofNullable(known.get(id)).map(JournalReports.ScenarioInfo::of),
              Clock.systemUTC().instant());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    loaded.skipped().forEach(s -> step("skipped " + s));
    step("computing the report of " + loaded.input().incidents().size() + " incident(s)");
    return render(Reports.gameDay(loaded.input()), null);
  }

  private Map<String, Scenario> knownScenarios() throws IOException {
    Map<String, Scenario> known = new HashMap<>();
    ScenarioFiles.shippedDemo().forEach(s -> known.put(s.id(), s));
    List<Path> files = new ArrayList<>();
    for (Path p : scenarios) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .filter(f -> !f.getFileName().toString().startsWith("gameday"))
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new UserError(p + ": no such file or folder (--scenarios)");
      }
    }
    if (!files.isEmpty()) {
      ReadResult read = ScenarioFiles.reader().read(files);
      if (!read.ok()) {
        throw new UserError("invalid scenario files (--scenarios):\n" + read.report());
      }
      read.scenarios().forEach(s -> known.put(s.id(), s));
    }
    return known;
  }

  // --- from a server ----------------------------------------------------------------------------

  private byte[] fromServer() throws IOException, InterruptedException {
    if (token == null || token.isBlank()) {
      throw new UserError(
          "a report from the server needs an API token of a viewer or a game master: give --token"
              + " or set CHAOS_TOKEN");
    }
    String path =
        trend
            ? (format == Format.csv ? "/api/reports/trend.csv" : "/api/reports")
            : "/api/reports/" + gameDay + (format == Format.csv ? "/report.csv" : "");
    step("asking " + server + " for " + (trend ? "the trends" : "the report of " + gameDay));
    String body = get(path);
    if (format == Format.csv || format == Format.json) {
      return body.getBytes(StandardCharsets.UTF_8);
    }
    if (trend) {
      return render(null, ReportJson.readTrend(body));
    }
    return render(ReportJson.readGameDay(body), null);
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(server.resolve(path))
            .header("Authorization", "Bearer " + token.strip())
            .timeout(Duration.ofMinutes(5))
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new UserError("no server answers at " + server);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new UserError(
          "the server refused the token ("
              + status
              + "): reports need a viewer's or a game"
              + " master's API token");
    }
    if (status == 404) {
      throw new UserError("the server has no game day '" + gameDay + "'");
    }
    if (status / 100 != 2) {
      throw new IllegalStateException("the server answered " + status + ": " + response.body());
    }
    return response.body();
  }

  // --- rendering --------------------------------------------------------------------------------

  /** One of the two reports, in the chosen format. */
  private byte[] render(GameDayReport day, TrendReport trendReport) {
    if (day != null) {
      progress.println(day.headline());
    }
    return switch (format) {
      case text -> bytes(day != null ? ReportText.render(day) : ReportText.render(trendReport));
      case json -> bytes(day != null ? ReportJson.toJson(day) : ReportJson.toJson(trendReport));
      case csv -> bytes(ReportCsv.toCsv(List.of(day)));
      case html -> bytes(html(day, trendReport, ReportPages.Medium.WEB));
      case pdf -> {
        String html = html(day, trendReport, ReportPages.Medium.PDF);
        step("rendering the PDF");
        yield ReportPdf.render(html);
      }
    };
  }

  private String html(GameDayReport day, TrendReport trendReport, ReportPages.Medium medium) {
    step("drawing the charts");
    ReportPages pages = new ReportPages();
    return day != null ? pages.gameDay(day, medium, false) : pages.trend(trendReport, medium);
  }

  private void write(byte[] bytes) throws IOException {
    if (output == null) {
      System.out.write(bytes);
      System.out.flush();
      return;
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(output)) {
      out.write(bytes);
    }
    step("wrote " + output + " (" + (bytes.length + 1023) / 1024 + " KiB)");
  }

  private void step(String what) {
    progress.println("report: " + what);
    progress.flush();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
