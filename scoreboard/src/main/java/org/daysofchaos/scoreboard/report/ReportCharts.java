package org.daysofchaos.scoreboard.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.daysofchaos.core.report.Breakdown;
import org.daysofchaos.core.report.Funnel;
import org.daysofchaos.core.report.IncidentOutcome;
import org.daysofchaos.core.report.ServiceTrend;
import org.daysofchaos.core.report.Stats;
import org.daysofchaos.core.report.SteadyStateChange;
import org.daysofchaos.core.report.TeamIncident;
import org.daysofchaos.core.report.Timing;
import org.daysofchaos.core.report.TrendPoint;
import org.daysofchaos.core.report.TrendReport;
import org.daysofchaos.scoreboard.report.Svg.Anchor;

/**
 * The report's charts, written as SVG directly (bars, a timeline, lines over dates: no chart
 * library needed, and none whose licence the project could not ship). Each data item is drawn in
 * its own {@code <g class='item'>} whose {@code data-series} and {@code data-item} name its series
 * and index, so that a test, or a script, can count what a chart shows.
 */
public final class ReportCharts {
  /** The colours of the series, in order: readable on screen and in print, also in grey. */
  private static final String[] PALETTE = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"
  };

  private static final String GRID = "#dddddd";
  private static final String AXIS = "#888888";
  private static final double FONT = 11;
  private static final double SMALL = 9;

  /** An estimate of a character's width at 11 px, to leave room for labels without measuring. */
  private static final double CHAR = 6.2;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ReportCharts() {}

  /** A chart as an SVG element, and what it shows, for the page's figure and its test. */
  public record Chart(String id, String title, String svg, int series, int points) {}

  // --- one game day -----------------------------------------------------------------------------

  /** Injected, detected, diagnosed, recovered: one series of four bars. */
  public static Chart funnel(String id, Funnel f) {
    List<String> stages = List.of("injected", "detected", "diagnosed", "recovered");
    double[][] values = {{f.injected(), f.detected(), f.diagnosed(), f.recovered()}};
    String svg = bars(id, 520, 260, "incidents", stages, List.of("incidents"), values, true);
    return new Chart(id, "Funnel", svg, 1, 4);
  }

  /** p50, p90 and worst of a time per service (or scenario), in minutes. */
  public static Chart times(
      String id, String title, List<Breakdown> rows, Function<Breakdown, Stats> stats) {
    List<String> keys = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    for (Breakdown b : rows) {
      Stats s = stats.apply(b);
      if (s.count() > 0) {
        keys.add(b.key());
        columns.add(
            new double[] {
              minutes(s.p50().orElseThrow()),
              minutes(s.p90().orElseThrow()),
              minutes(s.worst().orElseThrow())
            });
      }
    }
    double[][] values = new double[3][keys.size()];
    for (int c = 0; c < keys.size(); c++) {
      for (int s = 0; s < 3; s++) {
        values[s][c] = columns.get(c)[s];
      }
    }
    List<String> series = keys.isEmpty() ? List.of() : List.of("p50", "p90", "worst");
    String svg = bars(id, 520, 260, "minutes", keys, series, values, false);
    return new Chart(id, title, svg, series.size(), 3 * keys.size());
  }

  /**
   * An incident's timeline over minutes since the fault took effect: one row per actor (the system,
   * monitoring, each team that did something), a point per event, and the spans during which the
   * steady state did not hold shaded behind.
   */
  public static Chart timeline(String id, IncidentOutcome i) {
    Map<String, List<Event>> rows = rows(i);
    int points = 0;
    double end = 0;
    for (List<Event> events : rows.values()) {
      for (Event e : events) {
        end = Math.max(end, minutes(e.after()));
        points++;
      }
    }
    List<double[]> shaded = deviations(i.injectedAt(), i.steadyState(), end);
    int width = 680;
    int height = 70 + 26 * rows.size();
    double left = 14 + CHAR * rows.keySet().stream().mapToInt(String::length).max().orElse(4);
    double bottom = height - 40 - (shaded.isEmpty() ? 0 : 12);
    Frame frame = new Frame(left, 16, width - 16, bottom);
    Scale x = new Scale(-end * 0.03 - 0.1, end * 1.12 + 0.3, frame.left, frame.right);
    Svg svg = new Svg(id, width, height);
    for (double[] span : shaded) {
      double from = x.at(span[0]);
      svg.rect(from, frame.top, x.at(span[1]) - from, frame.height(), PALETTE[3], 0.15);
    }
    xTicks(svg, frame, x);
    svg.text(
        frame.centre(),
        frame.bottom + 30,
        Anchor.MIDDLE,
        FONT,
        "minutes since the fault took effect");
    double rowHeight = frame.height() / rows.size();
    int row = 0;
    for (Map.Entry<String, List<Event>> r : rows.entrySet()) {
      double y = frame.top + rowHeight * (row + 0.5);
      svg.line(frame.left, y, frame.right, y, GRID, 0.5);
      svg.text(frame.left - 6, y + 4, Anchor.END, FONT, r.getKey());
      String colour = PALETTE[row % PALETTE.length];
      List<Event> events = r.getValue();
      for (int item = 0; item < events.size(); item++) {
        double px = x.at(minutes(events.get(item).after()));
        // Labels alternate above and below their points, so that close events stay readable.
        double ly = item % 2 == 0 ? y - 7 : y + 14;
        svg.beginItem(r.getKey(), item)
            .circle(px, y, 4, colour)
            .text(px, ly, Anchor.MIDDLE, SMALL, events.get(item).label())
            .end();
      }
      row++;
    }
    frame.axes(svg);
    if (!shaded.isEmpty()) {
      svg.text(width - 16, height - 4, Anchor.END, SMALL, "shaded: the steady state did not hold");
    }
    return new Chart(id, "Timeline of " + i.scenarioId(), svg.done(), rows.size(), points);
  }

  private record Event(Duration after, String label) {}

  private static Map<String, List<Event>> rows(IncidentOutcome i) {
    Map<String, List<Event>> rows = new LinkedHashMap<>();
    List<Event> system = new ArrayList<>();
    system.add(new Event(Duration.ZERO, "injected"));
    i.faultEndedAt()
        .ifPresent(end -> system.add(new Event(between(i.injectedAt(), end), "fault ended")));
    i.recovery()
        .ifPresent(t -> system.add(new Event(t.after(), i.recovered() ? "recovered" : "back")));
    rows.put("system", system);
    List<Event> monitoring = new ArrayList<>();
    i.signal().ifPresent(t -> monitoring.add(new Event(t.after(), "signal")));
    i.alert().ifPresent(t -> monitoring.add(new Event(t.after(), "alert")));
    if (!monitoring.isEmpty()) {
      rows.put("monitoring", monitoring);
    }
    for (TeamIncident t : i.teams()) {
      List<Event> events = new ArrayList<>();
      add(events, t.alert(), "alerting");
      add(events, t.claim(), "claim");
      add(events, t.diagnosis(), "diagnosis");
      add(events, t.fix(), "fix");
      if (!events.isEmpty()) {
        rows.put(t.team(), events);
      }
    }
    return rows;
  }

  private static void add(List<Event> events, Optional<Timing> t, String label) {
    t.ifPresent(x -> events.add(new Event(x.after(), label)));
  }

  /** The spans, in minutes, when the steady state did not hold; one still open lasts to the end. */
  static List<double[]> deviations(Instant t0, List<SteadyStateChange> changes, double end) {
    List<double[]> spans = new ArrayList<>();
    Double from = null;
    for (SteadyStateChange c : changes) {
      double at = minutes(between(t0, c.at()));
      if (!c.holds() && from == null) {
        from = at;
      } else if (c.holds() && from != null) {
        spans.add(new double[] {from, at});
        from = null;
      }
    }
    if (from != null) {
      spans.add(new double[] {from, Math.max(end, from)});
    }
    return spans;
  }

  // --- across game days -----------------------------------------------------------------------

  /** Detected, diagnosed and recovered %, one point per game day. */
  public static Chart trendFunnel(String id, List<TrendPoint> points) {
    return trend(
        id,
        "Funnel across game days",
        "% of failures",
        points,
        List.of(
            new Line("detected", p -> p.funnel().detectedPercent()),
            new Line("diagnosed", p -> p.funnel().diagnosedPercent()),
            new Line("recovered", p -> p.funnel().recoveredPercent())));
  }

  /**
   * p50 of time to detect, of self-healing after a time-boxed fault ended and of time to restore an
   * until-fixed incident, in minutes, one point per game day that has it.
   */
  public static Chart trendTimes(String id, List<TrendPoint> points) {
    return trend(
        id,
        "Time to detect, self-healing (time-boxed) and time to restore (until-fixed), p50",
        "minutes",
        points,
        List.of(
            new Line("detect p50", p -> p50(p.timeToDetect())),
            new Line("self-healing p50", p -> p50(p.selfHealing())),
            new Line("restore p50", p -> p50(p.timeToRestore()))));
  }

  /** Monitoring coverage and alert coverage, in %, one point per game day. */
  public static Chart trendCoverage(String id, List<TrendPoint> points) {
    return trend(
        id,
        "Monitoring coverage",
        "% of failures",
        points,
        List.of(
            new Line("caught by monitoring", TrendPoint::monitoredPercent),
            new Line("alert arrived", TrendPoint::alertedPercent)));
  }

  /** The resilience score of each service, one series per service. */
  public static Chart trendScores(String id, TrendReport t) {
    List<Series> series = new ArrayList<>();
    for (ServiceTrend s : t.services()) {
      List<double[]> xy = new ArrayList<>();
      for (TrendPoint p : s.points()) {
        xy.add(new double[] {p.at().toEpochMilli(), p.score().score()});
      }
      series.add(new Series(s.service(), xy));
    }
    return dated(id, "Resilience score per service", "score (0–100)", 300, series);
  }

  private record Line(String name, ToDoubleFunction<TrendPoint> value) {}

  /** A named line of (epoch millisecond, value) points. */
  private record Series(String name, List<double[]> points) {}

  private static Chart trend(
      String id, String title, String axis, List<TrendPoint> points, List<Line> lines) {
    List<Series> series = new ArrayList<>();
    for (Line line : lines) {
      List<double[]> xy = new ArrayList<>();
      for (TrendPoint p : points) {
        double v = line.value().applyAsDouble(p);
        if (!Double.isNaN(v)) {
          xy.add(new double[] {p.at().toEpochMilli(), v});
        }
      }
      series.add(new Series(line.name(), xy));
    }
    return dated(id, title, axis, 280, series);
  }

  private static double p50(Stats s) {
    return s.p50().map(ReportCharts::minutes).orElse(Double.NaN);
  }

  // --- drawing --------------------------------------------------------------------------------

  /** The plot area, inside the margins that hold the axes' labels and the legend. */
  private record Frame(double left, double top, double right, double bottom) {
    double height() {
      return bottom - top;
    }

    double centre() {
      return (left + right) / 2;
    }

    void axes(Svg svg) {
      svg.line(left, top, left, bottom, AXIS, 1);
      svg.line(left, bottom, right, bottom, AXIS, 1);
    }
  }

  /** A linear map from data values to pixels. */
  private record Scale(double lo, double hi, double from, double to) {
    double at(double v) {
      return hi == lo ? from : from + (v - lo) / (hi - lo) * (to - from);
    }
  }

  /**
   * Grouped vertical bars, values[series][category], from zero with room above the highest bar,
   * optionally with each bar's value above it.
   */
  private static String bars(
      String id,
      int width,
      int height,
      String axis,
      List<String> categories,
      List<String> series,
      double[][] values,
      boolean labels) {
    double max = 0;
    for (double[] row : values) {
      for (double v : row) {
        max = Math.max(max, v);
      }
    }
    double legend = series.size() > 1 ? 22 : 0;
    Frame frame = new Frame(56, 12, width - 12, height - 24 - legend);
    Scale y = new Scale(0, max > 0 ? max * 1.15 : 1, frame.bottom, frame.top);
    Svg svg = new Svg(id, width, height);
    yTicks(svg, frame, y, axis);
    double band = (frame.right - frame.left) / Math.max(1, categories.size());
    double bar = band * 0.8 / Math.max(1, series.size());
    for (int c = 0; c < categories.size(); c++) {
      double x0 = frame.left + band * c + band * 0.1;
      svg.text(x0 + band * 0.4, frame.bottom + 14, Anchor.MIDDLE, FONT, categories.get(c));
    }
    for (int s = 0; s < series.size(); s++) {
      for (int c = 0; c < categories.size(); c++) {
        double v = values[s][c];
        double x = frame.left + band * c + band * 0.1 + bar * s;
        double top = y.at(v);
        svg.beginItem(series.get(s), c)
            .rect(x + 1, top, bar - 2, frame.bottom - top, PALETTE[s], 1);
        if (labels) {
          svg.text(x + bar / 2, top - 4, Anchor.MIDDLE, FONT, value(v));
        }
        svg.end();
      }
    }
    frame.axes(svg);
    if (legend > 0) {
      legend(svg, frame.left, height - 8, series);
    }
    return svg.done();
  }

  /** Lines over dates, one point per game day, with a day of margin on each side. */
  private static Chart dated(String id, String title, String axis, int height, List<Series> all) {
    int width = 680;
    double first = Double.MAX_VALUE;
    double last = -Double.MAX_VALUE;
    double max = 0;
    int points = 0;
    for (Series s : all) {
      for (double[] p : s.points()) {
        first = Math.min(first, p[0]);
        last = Math.max(last, p[0]);
        max = Math.max(max, p[1]);
        points++;
      }
    }
    if (first > last) {
      first = Instant.EPOCH.toEpochMilli();
      last = first;
    }
    // A day of margin on each side: one game day alone still gets a readable axis.
    double margin = Math.max(86_400_000, (last - first) * 0.04);
    Frame frame = new Frame(56, 12, width - 16, height - 24 - 22);
    Scale x = new Scale(first - margin, last + margin, frame.left, frame.right);
    Scale y = new Scale(0, max > 0 ? max * 1.05 : 1, frame.bottom, frame.top);
    Svg svg = new Svg(id, width, height);
    yTicks(svg, frame, y, axis);
    dateTicks(svg, frame, x);
    for (int s = 0; s < all.size(); s++) {
      String colour = PALETTE[s % PALETTE.length];
      List<double[]> pts = all.get(s).points();
      if (pts.size() > 1) {
        double[] xy = new double[pts.size() * 2];
        for (int p = 0; p < pts.size(); p++) {
          xy[2 * p] = x.at(pts.get(p)[0]);
          xy[2 * p + 1] = y.at(pts.get(p)[1]);
        }
        svg.polyline(xy, colour, 1.6);
      }
      for (int p = 0; p < pts.size(); p++) {
        svg.beginItem(all.get(s).name(), p)
            .circle(x.at(pts.get(p)[0]), y.at(pts.get(p)[1]), 3, colour)
            .end();
      }
    }
    frame.axes(svg);
    legend(svg, frame.left, height - 8, all.stream().map(Series::name).toList());
    return new Chart(id, title, svg.done(), all.size(), points);
  }

  /** Horizontal grid lines at round values, their labels, and the axis' name turned upright. */
  private static void yTicks(Svg svg, Frame frame, Scale y, String axis) {
    double step = step(y.hi() - y.lo(), 6);
    for (double v = y.lo(); v <= y.hi() + step * 1e-9; v += step) {
      double py = y.at(v);
      svg.line(frame.left, py, frame.right, py, GRID, 0.5);
      svg.text(frame.left - 5, py + 4, Anchor.END, FONT, tick(v, step));
    }
    svg.text(14, frame.top + frame.height() / 2, Anchor.MIDDLE, FONT, -90, axis);
  }

  private static void xTicks(Svg svg, Frame frame, Scale x) {
    double step = step(x.hi() - x.lo(), 10);
    for (double v = Math.ceil(x.lo() / step) * step; v <= x.hi(); v += step) {
      double px = x.at(v);
      svg.line(px, frame.top, px, frame.bottom, GRID, 0.5);
      svg.text(px, frame.bottom + 14, Anchor.MIDDLE, FONT, tick(v, step));
    }
  }

  private static final long DAY_MS = 86_400_000L;

  /** Vertical grid lines at midnight UTC, every 1, 2, 7, 14, … days: at most about six labels. */
  private static void dateTicks(Svg svg, Frame frame, Scale x) {
    double days = (x.hi() - x.lo()) / DAY_MS;
    long every = 365;
    for (long d : new long[] {1, 2, 7, 14, 28, 91, 182}) {
      if (days / d <= 6) {
        every = d;
        break;
      }
    }
    long step = every * DAY_MS;
    for (long t = (long) Math.ceil(x.lo() / step) * step; t <= x.hi(); t += step) {
      double px = x.at(t);
      svg.line(px, frame.top, px, frame.bottom, GRID, 0.5);
      svg.text(px, frame.bottom + 14, Anchor.MIDDLE, FONT, DAY.format(Instant.ofEpochMilli(t)));
    }
  }

  private static void legend(Svg svg, double x, double baseline, List<String> names) {
    for (int s = 0; s < names.size(); s++) {
      svg.rect(x, baseline - 9, 10, 10, PALETTE[s % PALETTE.length], 1);
      svg.text(x + 14, baseline, Anchor.START, FONT, names.get(s));
      x += 14 + CHAR * names.get(s).length() + 18;
    }
  }

  /** A round step (1, 2 or 5 times a power of ten) that cuts the span in at most that many. */
  static double step(double span, int most) {
    if (!(span > 0)) {
      return 1;
    }
    double raw = span / most;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double norm = raw / power;
    double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
    return nice * power;
  }

  /** A tick's label with as many decimals as its step needs, and none for whole steps. */
  static String tick(double v, double step) {
    int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
  }

  private static String value(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  static double minutes(Duration d) {
    return d.toMillis() / 60_000.0;
  }

  private static Duration between(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.isNegative() ? Duration.ZERO : d;
  }
}
