package org.daysofchaos.scoreboard.report;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.ValueResolvers;
import io.quarkus.qute.Variant;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.daysofchaos.core.journal.RecoveryTime;
import org.daysofchaos.core.report.ActionItem;
import org.daysofchaos.core.report.Breakdown;
import org.daysofchaos.core.report.Coverage;
import org.daysofchaos.core.report.Figures;
import org.daysofchaos.core.report.GameDayReport;
import org.daysofchaos.core.report.IncidentOutcome;
import org.daysofchaos.core.report.ReportText;
import org.daysofchaos.core.report.ResilienceScore;
import org.daysofchaos.core.report.ScoreTerm;
import org.daysofchaos.core.report.ServiceTrend;
import org.daysofchaos.core.report.Stats;
import org.daysofchaos.core.report.TeamIncident;
import org.daysofchaos.core.report.Timing;
import org.daysofchaos.core.report.TrendPoint;
import org.daysofchaos.core.report.TrendReport;
import org.daysofchaos.scoreboard.report.ReportCharts.Chart;

/**
 * Reports as HTML pages (templates {@code templates/report*.html}), for the browser and, through
 * {@link ReportPdf}, for paper. The templates only place text that is prepared here, so the page,
 * the PDF and the text form write every figure the same way.
 *
 * <p>Qute runs here as a plain library rather than through Quarkus' injection: the command line and
 * the benchmark make the same pages without a server.
 */
public final class ReportPages {
  /** Where a page is read: on screen (links, the notes editor) or on paper (neither). */
  public enum Medium {
    WEB,
    PDF
  }

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Engine engine =
      Engine.builder()
          .addDefaults()
          .addValueResolver(ValueResolvers.rawResolver())
          .addValueResolver(new ReflectionValueResolver())
          .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
          .addLocator(ReportPages::locate)
          .removeStandaloneLines(true)
          .build();
  private final Template gameDayTemplate = engine.getTemplate("report.html");
  private final Template trendTemplate = engine.getTemplate("report-trend.html");

  // --- the views the templates read -------------------------------------------------------------

  /** A figure of the funnel. */
  public record Step(String label, int count, String percent) {}

  /** A row of times: label, p50, p90, worst and how many incidents. */
  public record TimeRow(String label, String p50, String p90, String worst, int count) {}

  /** A service's or scenario's figures. */
  public record BreakdownRow(
      String key,
      int injected,
      String detected,
      String diagnosed,
      String recovered,
      String detect,
      String selfHealing,
      String restore,
      String monitored) {}

  /** A resilience score and its terms. */
  public record ScoreRow(String key, String score, int earned, int possible, List<TermRow> terms) {}

  /** One incident's part of a score. */
  public record TermRow(
      String incident,
      String scenario,
      int weight,
      String detected,
      String monitored,
      String recovered,
      int earned,
      int possible) {}

  /** A failure that monitoring did not catch. */
  public record Missed(String incident, String scenario, String service, String detectedBy) {}

  /** One incident with its timeline chart and its teams. */
  public record IncidentView(
      String id,
      String scenario,
      String title,
      String service,
      int weight,
      String mode,
      String injectedAt,
      String outcome,
      String detection,
      String monitoring,
      String lead,
      String diagnosis,
      String recovery,
      Chart timeline,
      List<TeamRow> teams) {}

  /** One team's part in one incident. */
  public record TeamRow(
      String team,
      String alert,
      String claim,
      String diagnosis,
      String fix,
      int hints,
      int wrongDiagnoses,
      int points) {}

  /** A game day in a trend table. */
  public record PointRow(
      String gameDay,
      String name,
      String date,
      String running,
      int injected,
      String detected,
      String diagnosed,
      String recovered,
      String detect,
      String selfHealing,
      String restore,
      String monitored,
      String score) {}

  /** A service across game days. */
  public record ServiceView(
      String service, String score, int earned, int possible, List<PointRow> points) {}

  // --- pages ----------------------------------------------------------------------------------

  /**
   * The page of one game day.
   *
   * @param canEditNotes the reader is a game master: the page offers to edit the notes
   */
  public String gameDay(GameDayReport r, Medium medium, boolean canEditNotes) {
    Coverage c = r.coverage();
    List<Chart> charts = new ArrayList<>();
    charts.add(ReportCharts.funnel("chart-funnel", r.funnel()));
    charts.add(
        ReportCharts.times(
            "chart-detect-by-service",
            "Time to detect per service",
            r.services(),
            Breakdown::timeToDetect));
    // One chart per recovery time the game day has: never both kinds in one bar.
    if (r.selfHealing().count() > 0) {
      charts.add(
          ReportCharts.times(
              "chart-self-healing-by-service",
              ReportText.title(RecoveryTime.Kind.SELF_HEALING) + " per service",
              r.services(),
              Breakdown::selfHealing));
    }
    if (r.timeToRestore().count() > 0) {
      charts.add(
          ReportCharts.times(
              "chart-restore-by-service",
              ReportText.title(RecoveryTime.Kind.TIME_TO_RESTORE) + " per service",
              r.services(),
              Breakdown::timeToRestore));
    }
    return gameDayTemplate
        .data("headline", r.headline())
        .data("running", r.gameDay().running())
        .data("name", r.gameDay().name())
        .data("id", r.gameDay().id())
        .data("state", r.gameDay().state())
        .data("generated", WHEN.format(r.gameDay().generatedAt()))
        .data(
            "frozen",
            r.frozenAt()
                .map(
                    f ->
                        "Plays from "
                            + WHEN.format(f)
                            + " on are not counted: the board is frozen.")
                .orElse(""))
        .data("web", medium == Medium.WEB)
        .data("canEditNotes", canEditNotes && medium == Medium.WEB)
        .data("steps", steps(r))
        .data("times", times(r))
        .data(
            "coverage",
            "Monitoring caught "
                + c.monitored()
                + " of "
                + c.injected()
                + " failures ("
                + c.monitoredPercent()
                + " %); an alert arrived for "
                + c.alerted()
                + " ("
                + c.alertedPercent()
                + " %), a detection signal held for "
                + c.signalled()
                + ".")
        .data("lead", lead(c))
        .data("missed", missed(r, c.unmonitored()))
        .data("unalerted", missed(r, c.unalerted()))
        .data("services", breakdowns(r.services()))
        .data("scenarios", breakdowns(r.scenarios()))
        .data("formula", ResilienceScore.FORMULA)
        .data("explanation", ResilienceScore.EXPLANATION)
        .data("scores", r.scores().stream().map(ReportPages::score).toList())
        .data("overall", score(r.overall()))
        .data("charts", charts)
        .data("incidents", r.incidents().stream().map(i -> incident(i, medium)).toList())
        .data("teams", r.teams())
        .data("hasTeams", !r.teams().isEmpty())
        .data("notesText", r.notes().text())
        .data("notesLines", r.notes().text().lines().toList())
        .data("actions", r.notes().actions())
        .data("actionsText", actionsText(r.notes().actions()))
        .data(
            "notesBy",
            r.notes()
                .updatedBy()
                .map(
                    by ->
                        "by "
                            + by
                            + r.notes().updatedAt().map(at -> ", " + WHEN.format(at)).orElse(""))
                .orElse(""))
        .render();
  }

  /** The page of the trends across game days. */
  public String trend(TrendReport t, Medium medium) {
    List<Chart> charts =
        List.of(
            ReportCharts.trendFunnel("chart-trend-funnel", t.gameDays()),
            ReportCharts.trendTimes("chart-trend-times", t.gameDays()),
            ReportCharts.trendCoverage("chart-trend-coverage", t.gameDays()),
            ReportCharts.trendScores("chart-trend-scores", t));
    List<ServiceView> services = new ArrayList<>();
    for (ServiceTrend s : t.services()) {
      services.add(
          new ServiceView(
              s.service(),
              score(s.overall().score()),
              s.overall().earned(),
              s.overall().possible(),
              s.points().stream().map(ReportPages::point).toList()));
    }
    return trendTemplate
        .data("headline", t.headline())
        .data("running", t.gameDays().stream().anyMatch(TrendPoint::running))
        .data("generated", WHEN.format(t.generatedAt()))
        .data("web", medium == Medium.WEB)
        .data("charts", charts)
        .data("points", t.gameDays().stream().map(ReportPages::point).toList())
        .data("services", services)
        .data("overall", score(t.overall()))
        .data("formula", ResilienceScore.FORMULA)
        .data("explanation", ResilienceScore.EXPLANATION)
        .render();
  }

  // --- views ----------------------------------------------------------------------------------

  private static List<Step> steps(GameDayReport r) {
    var f = r.funnel();
    return List.of(
        new Step("Failures injected", f.injected(), ""),
        new Step("Detected", f.detected(), f.detectedPercent() + " %"),
        new Step("Diagnosed", f.diagnosed(), f.diagnosedPercent() + " %"),
        new Step("Recovered", f.recovered(), f.recoveredPercent() + " %"));
  }

  private static List<TimeRow> times(GameDayReport r) {
    return List.of(
        time("Time to detect", r.timeToDetect()),
        time("Time to diagnose", r.timeToDiagnose()),
        time(ReportText.title(RecoveryTime.Kind.SELF_HEALING), r.selfHealing()),
        time(ReportText.title(RecoveryTime.Kind.TIME_TO_RESTORE), r.timeToRestore()));
  }

  private static TimeRow time(String label, Stats s) {
    Function<Optional<Duration>, String> f =
        d -> d.map(x -> Figures.duration(x) + Figures.resolution(s.resolution())).orElse("\u2014");
    return new TimeRow(label, f.apply(s.p50()), f.apply(s.p90()), f.apply(s.worst()), s.count());
  }

  private static String lead(Coverage c) {
    if (c.lead().count() == 0) {
      return "No failure was both caught by monitoring and claimed by a team.";
    }
    return "Where both happened, monitoring was earlier than the first team in "
        + c.monitoringFirst()
        + " of "
        + c.lead().count()
        + " failures and later in "
        + c.teamsFirst()
        + "; its lead: p50 "
        + Figures.duration(c.lead().p50().orElseThrow())
        + ", p90 "
        + Figures.duration(c.lead().p90().orElseThrow())
        + Figures.resolution(c.lead().resolution())
        + ".";
  }

  private static List<Missed> missed(GameDayReport r, List<String> ids) {
    List<Missed> rows = new ArrayList<>();
    for (String id : ids) {
      r.incident(id)
          .ifPresent(
              i ->
                  rows.add(
                      new Missed(
                          id,
                          i.scenarioId(),
                          i.service(),
                          i.detection().map(Timing::describe).orElse("nobody"))));
    }
    return rows;
  }

  private static List<BreakdownRow> breakdowns(List<Breakdown> rows) {
    return rows.stream()
        .map(
            b ->
                new BreakdownRow(
                    b.key(),
                    b.funnel().injected(),
                    b.funnel().detected() + " (" + b.funnel().detectedPercent() + " %)",
                    b.funnel().diagnosed() + " (" + b.funnel().diagnosedPercent() + " %)",
                    b.funnel().recovered() + " (" + b.funnel().recoveredPercent() + " %)",
                    b.timeToDetect().describe(),
                    recovery(b, RecoveryTime.Kind.SELF_HEALING),
                    recovery(b, RecoveryTime.Kind.TIME_TO_RESTORE),
                    b.monitored() + " of " + b.funnel().injected()))
        .toList();
  }

  /** The breakdown's recovery time of this kind, or "n/a" when none of its incidents has it. */
  private static String recovery(Breakdown b, RecoveryTime.Kind kind) {
    return b.has(kind) ? b.recovery(kind).describe() : "n/a";
  }

  private static ScoreRow score(ResilienceScore s) {
    return new ScoreRow(
        s.key(),
        score(s.score()),
        s.earned(),
        s.possible(),
        s.terms().stream().map(ReportPages::term).toList());
  }

  private static TermRow term(ScoreTerm t) {
    return new TermRow(
        t.incidentId(),
        t.scenarioId(),
        t.weight(),
        yes(t.detected()),
        yes(t.monitored()),
        yes(t.recovered()),
        t.earned(),
        t.possible());
  }

  private static IncidentView incident(IncidentOutcome i, Medium medium) {
    Chart timeline = ReportCharts.timeline("timeline-" + i.id(), i);
    String outcome = i.running() ? "still running" : i.verdict().map(Enum::name).orElse("") + "";
    String recovery = ReportText.recovery(i, "not recovered");
    return new IncidentView(
        i.id(),
        i.scenarioId(),
        i.title(),
        i.service(),
        i.weight(),
        i.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        WHEN.format(i.injectedAt()),
        outcome,
        describe(i.detection(), "not detected"),
        describe(i.monitoring(), "no alert or signal caught it"),
        i.alertingLead()
            .map(
                l ->
                    "monitoring was "
                        + Figures.duration(l.abs())
                        + (l.isNegative() ? " later" : " earlier")
                        + " than the first team")
            .orElse(""),
        describe(i.diagnosis(), "not diagnosed"),
        recovery,
        timeline,
        i.teams().stream().map(ReportPages::team).toList());
  }

  private static TeamRow team(TeamIncident t) {
    return new TeamRow(
        t.team(),
        after(t.alert()),
        after(t.claim()),
        after(t.diagnosis()),
        after(t.fix()),
        t.hints(),
        t.wrongDiagnoses(),
        t.points());
  }

  private static PointRow point(TrendPoint p) {
    return new PointRow(
        p.gameDayId(),
        p.name(),
        DAY.format(p.at()),
        p.running() ? "running" : "",
        p.funnel().injected(),
        p.funnel().detectedPercent() + " %",
        p.funnel().diagnosedPercent() + " %",
        p.funnel().recoveredPercent() + " %",
        p.timeToDetect().p50().map(Figures::duration).orElse("\u2014"),
        p.selfHealing().p50().map(Figures::duration).orElse("\u2014"),
        p.timeToRestore().p50().map(Figures::duration).orElse("\u2014"),
        p.monitoredPercent() + " %",
        score(p.score().score()));
  }

  private static String actionsText(List<ActionItem> actions) {
    StringBuilder sb = new StringBuilder();
    for (ActionItem a : actions) {
      sb.append(a.done() ? "[x] " : "[ ] ")
          .append(a.text())
          .append(a.owner().isEmpty() ? "" : " (" + a.owner() + ")")
          .append('\n');
    }
    return sb.toString();
  }

  private static String describe(Optional<Timing> t, String none) {
    return t.map(Timing::describe).orElse(none);
  }

  private static String after(Optional<Timing> t) {
    return t.map(x -> Figures.duration(x.after())).orElse("\u2014");
  }

  private static String yes(boolean b) {
    return b ? "1" : "0";
  }

  private static String score(double score) {
    return String.format(Locale.ROOT, "%.1f", score);
  }

  static String when(Instant at) {
    return WHEN.format(at);
  }

  // --- templates from the class path --------------------------------------------------------

  private static Optional<TemplateLocator.TemplateLocation> locate(String id) {
    String name = id.endsWith(".html") ? id : id + ".html";
    String path = "templates/" + name;
    if (ReportPages.class.getClassLoader().getResource(path) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new TemplateLocator.TemplateLocation() {
          @Override
          public Reader read() {
            InputStream in = ReportPages.class.getClassLoader().getResourceAsStream(path);
            if (in == null) {
              throw new UncheckedIOException(new java.io.FileNotFoundException(path));
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
          }

          @Override
          public Optional<Variant> getVariant() {
            return Optional.of(Variant.forContentType(Variant.TEXT_HTML));
          }
        });
  }
}
