package org.daysofchaos.scoreboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.daysofchaos.core.report.GameDayReport;
import org.daysofchaos.core.report.Reports;
import org.daysofchaos.core.report.TrendReport;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** The page, the PDF and the CSV of a known game day (ReportSamples), without a server. */
class ReportFormsTest {
  private final ReportPages pages = new ReportPages();
  private final GameDayReport report = ReportSamples.gameDay(false);

  @Test
  void drawsEachChartWithItsSeriesAndPoints() {
    assertThat(ReportCharts.funnel("f", report.funnel()))
        .extracting(ReportCharts.Chart::series, ReportCharts.Chart::points)
        .containsExactly(1, 4);
    ReportCharts.Chart funnel = ReportCharts.funnel("f", report.funnel());
    assertThat(items(funnel.svg())).isEqualTo(4);
    // a1: system (injected, fault ended, recovered), monitoring (signal, alert), blue (alerting,
    // claim), red (claim, diagnosis, fix).
    ReportCharts.Chart a1 = ReportCharts.timeline("t", report.incident("a1").orElseThrow());
    assertThat(a1.series()).isEqualTo(4);
    assertThat(a1.points()).isEqualTo(10);
    assertThat(items(a1.svg())).isEqualTo(10);
    assertThat(a1.svg()).contains("shaded: the steady state did not hold");
  }

  @Test
  void writesAPageWhoseFirstLineIsTheHeadlineAndThatParsesAsXml() throws Exception {
    String html = pages.gameDay(ReportSamples.gameDay(true), ReportPages.Medium.WEB, true);
    assertThat(html)
        .contains(
            "<p class=\"headline running\" id=\"headline\">Game day Spring game day is still"
                + " running: these figures are provisional and will change.</p>");
    assertThat(html.indexOf("id=\"headline\"")).isLessThan(html.indexOf("<h1>"));
    assertThat(html).contains("id=\"notes-save\"", "Alert on inventory_up (ops)");
    String pdfPage = pages.gameDay(report, ReportPages.Medium.PDF, true);
    assertThat(pdfPage).doesNotContain("<script", "notes-save", "/api/reports/day/report.csv");
    // openhtmltopdf reads XHTML: the page must be well-formed XML.
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(pdfPage)));
  }

  @Test
  void printsThePdfWithTheChartsAndTheFiguresOnA4Pages() throws IOException {
    byte[] pdf = ReportPdf.render(pages.gameDay(report, ReportPages.Medium.PDF, false));
    Path out = Path.of("target/report-screenshots");
    Files.createDirectories(out);
    Files.write(out.resolve("forms-test-game-day.pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isBetween(3, 8);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              "Resilience report: Spring game day",
              "Self-healing after the fault ended (time-boxed)",
              "Time to restore (until-fixed)",
              "100 · Σ w·(d + m + 2r) / Σ 4w",
              "when the steady state did not hold",
              "Alert on inventory_up");
    }
  }

  @Test
  void aCsvCellThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
    for (String formula :
        List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
      assertThat(ReportCsv.cell(formula)).as(formula).isEqualTo("'" + formula);
    }
    assertThat(ReportCsv.cell("-1.500")).as("a negative number").isEqualTo("-1.500");
    assertThat(ReportCsv.cell("payment")).isEqualTo("payment");
    assertThat(ReportCsv.cell(6)).isEqualTo(6);
    assertThat(ReportCsv.cell("")).isEqualTo("");
  }

  @Test
  void writesOneCsvRowPerIncidentPerTeam() throws IOException {
    String csv = ReportCsv.toCsv(List.of(report));
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertThat(rows).hasSize(6);
    CSVRecord redA1 = rows.get(1);
    assertThat(redA1.get("incident")).isEqualTo("a1");
    assertThat(redA1.get("team")).isEqualTo("red");
    assertThat(redA1.get("detected_s")).isEqualTo("40.000");
    assertThat(redA1.get("detected_by")).isEqualTo("signal");
    assertThat(redA1.get("detection_resolution_s")).isEqualTo("1.000");
    assertThat(redA1.get("alert_name")).isEqualTo("BookingLatencyHigh");
    assertThat(redA1.get("team_claim_s")).isEqualTo("130.000");
    assertThat(redA1.get("team_fix_s")).isEqualTo("390.000");
    assertThat(redA1.get("recovered")).isEqualTo("true");
    // a1 is until-fixed: fixed 390 s after the injection; the fault was reverted at 400 s.
    assertThat(redA1.get("mode")).isEqualTo("until-fixed");
    assertThat(redA1.get("fault_ended_s")).isEqualTo("400.000");
    assertThat(redA1.get("steady_state_back_s")).isEqualTo("390.000");
    assertThat(redA1.get("time_to_restore_s")).isEqualTo("390.000");
    assertThat(redA1.get("self_healing_s")).isEmpty();
    // a2 is time-boxed: the fault ended at 120 s, the steady state was back at 150 s.
    CSVRecord a2 = rows.get(2);
    assertThat(a2.get("mode")).isEqualTo("time-boxed");
    assertThat(a2.get("steady_state_back_s")).isEqualTo("150.000");
    assertThat(a2.get("self_healing_s")).isEqualTo("30.000");
    assertThat(a2.get("time_to_restore_s")).isEmpty();
    assertThat(csv.lines().findFirst().orElseThrow()).doesNotContain("recovered_s");
    assertThat(rows.get(2).get("team_claim_s")).isEmpty(); // blue never claimed a2
  }

  @Test
  void thePageShowsEachRecoveryTimeUnderItsOwnNameAndNeverMixesThem() {
    String html = pages.gameDay(report, ReportPages.Medium.WEB, false);
    assertThat(html)
        .contains("<td>Self-healing after the fault ended (time-boxed)</td><td class=\"n\">30.0 s")
        .contains("<td>Time to restore (until-fixed)</td><td class=\"n\">6 min 30 s")
        .contains("id=\"chart-self-healing-by-service-figure\"")
        .contains("id=\"chart-restore-by-service-figure\"")
        .contains("self-healing after the fault ended: 30.0 s (± 1s), by steady state held for 5s")
        .contains("time to restore: 6 min 30 s (± 1s) after the injection")
        .doesNotContain("Time to recover")
        .doesNotContain("chart-recover-by-service");
  }

  @Test
  void drawsTheTrendWithOnePointPerGameDayAndSeriesPerService() {
    TrendReport trend =
        Reports.trend(
            List.of(report, ReportSamples.gameDay(true)), Instant.parse("2026-04-01T00:00:00Z"));
    ReportCharts.Chart scores = ReportCharts.trendScores("s", trend);
    assertThat(scores.series()).isEqualTo(2); // inventory, payment
    assertThat(scores.points()).isEqualTo(4);
    assertThat(items(scores.svg())).isEqualTo(4);
    String html = pages.trend(trend, ReportPages.Medium.WEB);
    assertThat(html).contains("A game day is still running");
  }

  /** Data items drawn: the groups that ReportCharts marks with a series and an item. */
  static int items(String svg) {
    int n = 0;
    int from = 0;
    while ((from = svg.indexOf("<g class='item' data-series=", from)) >= 0) {
      n++;
      from++;
    }
    return n;
  }
}
