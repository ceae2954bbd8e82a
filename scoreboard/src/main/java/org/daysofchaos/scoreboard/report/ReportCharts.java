package org.daysofchaos.scoreboard.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
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
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartHints;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * The report's charts, drawn by JFreeChart and written as SVG by JFreeSVG. Each data item is drawn
 * in its own {@code <g>} element whose {@code jfreesvg:ref} names its series and item (JFreeChart's
 * element hinting), so that a test, or a script, can count what a chart shows.
 */
public final class ReportCharts {
  /** The colours of the series, in order: readable on screen and in print, also in grey. */
  private static final Color[] PALETTE = {
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x7f7f7f),
    new Color(0xbcbd22),
    new Color(0x17becf)
  };

  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  static {
    System.setProperty("java.awt.headless", "true");
    // JFreeSVG turns JFreeChart's element hints into <g> groups only for keys it is told about.
    if (!SVGHints.isBeginGroupKey(ChartHints.KEY_BEGIN_ELEMENT)) {
      SVGHints.addBeginGroupKey(ChartHints.KEY_BEGIN_ELEMENT);
      SVGHints.addEndGroupKey(ChartHints.KEY_END_ELEMENT);
    }
    ChartFactory.setChartTheme(StandardChartTheme.createJFreeTheme());
  }

  private ReportCharts() {}

  /** A chart as an SVG element, and what it shows, for the page's figure and its test. */
  public record Chart(String id, String title, String svg, int series, int points) {}

  // --- one game day -----------------------------------------------------------------------------

  /** Injected, detected, diagnosed, recovered: one series of four bars. */
  public static Chart funnel(String id, Funnel f) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(f.injected(), "incidents", "injected");
    data.addValue(f.detected(), "incidents", "detected");
    data.addValue(f.diagnosed(), "incidents", "diagnosed");
    data.addValue(f.recovered(), "incidents", "recovered");
    JFreeChart chart =
        ChartFactory.createBarChart(
            null, null, "incidents", data, PlotOrientation.VERTICAL, false, false, false);
    styleBars(chart, true);
    return chart(id, "Funnel", chart, 520, 260, 1, 4);
  }

  /** p50, p90 and worst of a time per service (or scenario), in minutes. */
  public static Chart times(
      String id, String title, List<Breakdown> rows, Function<Breakdown, Stats> stats) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int points = 0;
    for (Breakdown b : rows) {
      Stats s = stats.apply(b);
      if (s.count() == 0) {
        continue;
      }
      data.addValue(minutes(s.p50().orElseThrow()), "p50", b.key());
      data.addValue(minutes(s.p90().orElseThrow()), "p90", b.key());
      data.addValue(minutes(s.worst().orElseThrow()), "worst", b.key());
      points += 3;
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            null, null, "minutes", data, PlotOrientation.VERTICAL, true, false, false);
    styleBars(chart, false);
    int series = points == 0 ? 0 : 3;
    return chart(id, title, chart, 520, 260, series, points);
  }

  /**
   * An incident's timeline over minutes since the fault took effect: one row per actor (the system,
   * monitoring, each team that did something), a point per event, and the spans during which the
   * steady state did not hold shaded behind.
   */
  public static Chart timeline(String id, IncidentOutcome i) {
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
    XYSeriesCollection data = new XYSeriesCollection();
    List<String> names = new ArrayList<>(rows.keySet());
    Map<XYSeries, List<Event>> labels = new LinkedHashMap<>();
    int points = 0;
    for (int row = 0; row < names.size(); row++) {
      XYSeries series = new XYSeries(names.get(row), false, true);
      for (Event e : rows.get(names.get(row))) {
        series.add(minutes(e.after()), row);
        points++;
      }
      data.addSeries(series);
      labels.put(series, rows.get(names.get(row)));
    }
    JFreeChart chart =
        ChartFactory.createScatterPlot(
            null,
            "minutes since the fault took effect",
            null,
            data,
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    SymbolAxis actors = new SymbolAxis(null, names.toArray(String[]::new));
    actors.setTickLabelFont(FONT);
    actors.setGridBandsVisible(false);
    actors.setRange(-0.6, names.size() - 0.4);
    plot.setRangeAxis(actors);
    XYLineAndShapeRenderer renderer = new ItemGroups(false, true);
    for (int s = 0; s < names.size(); s++) {
      renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
      renderer.setSeriesShape(s, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    XYItemLabelGenerator label =
        (dataset, series, item) -> labels.get(data.getSeries(series)).get(item).label();
    renderer.setDefaultItemLabelGenerator(label);
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(FONT.deriveFont(9f));
    plot.setRenderer(renderer);
    double end = 0;
    for (XYSeries s : labels.keySet()) {
      end = Math.max(end, s.getMaxX());
    }
    if (shadeDeviations(plot, i.injectedAt(), i.steadyState(), end)) {
      TextTitle note = new TextTitle("shaded: the steady state did not hold", FONT.deriveFont(9f));
      note.setPosition(RectangleEdge.BOTTOM);
      note.setHorizontalAlignment(HorizontalAlignment.RIGHT);
      chart.addSubtitle(note);
    }
    NumberAxis x = (NumberAxis) plot.getDomainAxis();
    x.setRange(-end * 0.03 - 0.1, end * 1.12 + 0.3);
    style(chart);
    int height = 70 + 26 * names.size();
    return chart(id, "Timeline of " + i.scenarioId(), chart, 680, height, names.size(), points);
  }

  private record Event(Duration after, String label) {}

  private static void add(List<Event> events, Optional<Timing> t, String label) {
    t.ifPresent(x -> events.add(new Event(x.after(), label)));
  }

  /** Light red behind the spans when the steady state did not hold; true if there is one. */
  private static boolean shadeDeviations(
      XYPlot plot, Instant t0, List<SteadyStateChange> changes, double end) {
    boolean any = false;
    Double from = null;
    for (SteadyStateChange c : changes) {
      double at = minutes(between(t0, c.at()));
      if (!c.holds() && from == null) {
        from = at;
      } else if (c.holds() && from != null) {
        plot.addDomainMarker(deviation(from, at), Layer.BACKGROUND);
        from = null;
        any = true;
      }
    }
    if (from != null) {
      plot.addDomainMarker(deviation(from, Math.max(end, from)), Layer.BACKGROUND);
      any = true;
    }
    return any;
  }

  private static IntervalMarker deviation(double from, double to) {
    IntervalMarker m =
        new IntervalMarker(from, to, new Color(0xd62728), new BasicStroke(0), null, null, 0.15f);
    return m;
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
    XYSeriesCollection data = new XYSeriesCollection();
    int points = 0;
    for (ServiceTrend s : t.services()) {
      XYSeries series = new XYSeries(s.service(), false, true);
      for (TrendPoint p : s.points()) {
        series.add(p.at().toEpochMilli(), p.score().score());
        points++;
      }
      data.addSeries(series);
    }
    JFreeChart chart = timeChart(data, "score (0–100)");
    return chart(id, "Resilience score per service", chart, 680, 300, t.services().size(), points);
  }

  private record Line(String name, ToDoubleFunction<TrendPoint> value) {}

  private static Chart trend(
      String id, String title, String axis, List<TrendPoint> points, List<Line> lines) {
    XYSeriesCollection data = new XYSeriesCollection();
    int count = 0;
    for (Line line : lines) {
      XYSeries series = new XYSeries(line.name(), false, true);
      for (TrendPoint p : points) {
        double v = line.value().applyAsDouble(p);
        if (!Double.isNaN(v)) {
          series.add(p.at().toEpochMilli(), v);
          count++;
        }
      }
      data.addSeries(series);
    }
    JFreeChart chart = timeChart(data, axis);
    return chart(id, title, chart, 680, 280, lines.size(), count);
  }

  private static JFreeChart timeChart(XYSeriesCollection data, String axis) {
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            null, null, axis, data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    DateAxis dates = new DateAxis();
    dates.setTickLabelFont(FONT);
    SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
    day.setTimeZone(TimeZone.getTimeZone("UTC"));
    dates.setDateFormatOverride(day);
    double first = Double.MAX_VALUE;
    double last = -Double.MAX_VALUE;
    for (int s = 0; s < data.getSeriesCount(); s++) {
      if (data.getSeries(s).getItemCount() > 0) {
        first = Math.min(first, data.getSeries(s).getMinX());
        last = Math.max(last, data.getSeries(s).getMaxX());
      }
    }
    if (first <= last) {
      // A day of margin on each side: one game day alone still gets a readable axis.
      double margin = Math.max(86_400_000, (last - first) * 0.04);
      dates.setRange(first - margin, last + margin);
    }
    plot.setDomainAxis(dates);
    XYLineAndShapeRenderer renderer = new ItemGroups(true, true);
    for (int s = 0; s < data.getSeriesCount(); s++) {
      renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
      renderer.setSeriesStroke(s, new BasicStroke(1.6f));
      renderer.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
    }
    plot.setRenderer(renderer);
    style(chart);
    return chart;
  }

  /**
   * Draws each point in its own element group, as JFreeChart's bar renderers do by themselves: its
   * line/shape renderer does not, and the groups are what makes points countable in the SVG.
   */
  private static final class ItemGroups extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;
    private static final ItemLabelPosition ABOVE =
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER);
    private static final ItemLabelPosition BELOW =
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER);

    ItemGroups(boolean lines, boolean shapes) {
      super(lines, shapes);
    }

    /** Labels alternate above and below their points, so that close events stay readable. */
    @Override
    public ItemLabelPosition getPositiveItemLabelPosition(int series, int item) {
      return item % 2 == 0 ? ABOVE : BELOW;
    }

    @Override
    public void drawItem(
        Graphics2D g2,
        XYItemRendererState state,
        Rectangle2D dataArea,
        PlotRenderingInfo info,
        XYPlot plot,
        ValueAxis domainAxis,
        ValueAxis rangeAxis,
        XYDataset dataset,
        int series,
        int item,
        CrosshairState crosshair,
        int pass) {
      boolean group = isItemPass(pass);
      if (group) {
        beginElementGroup(g2, dataset.getSeriesKey(series), item);
      }
      super.drawItem(
          g2,
          state,
          dataArea,
          info,
          plot,
          domainAxis,
          rangeAxis,
          dataset,
          series,
          item,
          crosshair,
          pass);
      if (group) {
        endElementGroup(g2);
      }
    }
  }

  private static double p50(Stats s) {
    return s.p50().map(ReportCharts::minutes).orElse(Double.NaN);
  }

  // --- drawing --------------------------------------------------------------------------------

  private static void styleBars(JFreeChart chart, boolean labels) {
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    for (int s = 0; s < 3; s++) {
      renderer.setSeriesPaint(s, PALETTE[s]);
    }
    plot.getRangeAxis().setUpperMargin(0.15);
    if (labels) {
      renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
      renderer.setDefaultItemLabelsVisible(true);
      renderer.setDefaultItemLabelFont(FONT);
    }
    plot.getDomainAxis().setTickLabelFont(FONT);
    style(chart);
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setElementHinting(true);
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(FONT);
      chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    if (chart.getPlot() instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(new Color(0xdddddd));
      xy.setRangeGridlinePaint(new Color(0xdddddd));
      xy.getRangeAxis().setLabelFont(FONT);
      xy.getDomainAxis().setLabelFont(FONT);
    } else if (chart.getPlot() instanceof CategoryPlot cat) {
      cat.setRangeGridlinePaint(new Color(0xdddddd));
      cat.getRangeAxis().setLabelFont(FONT);
    }
  }

  private static Chart chart(
      String id, String title, JFreeChart chart, int width, int height, int series, int points) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
    // A viewBox lets the page scale the chart down to a narrow screen or a printed page.
    // Whole-number sizes: openhtmltopdf misreads "720.0" and draws the chart at the wrong scale.
    String svg =
        g2.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null)
            .replaceFirst("<svg ", "<svg width='" + width + "' height='" + height + "' ");
    return new Chart(id, title, svg, series, points);
  }

  static double minutes(Duration d) {
    return d.toMillis() / 60_000.0;
  }

  private static Duration between(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.isNegative() ? Duration.ZERO : d;
  }
}
