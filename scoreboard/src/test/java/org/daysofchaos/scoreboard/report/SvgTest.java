package org.daysofchaos.scoreboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.daysofchaos.core.report.SteadyStateChange;
import org.daysofchaos.scoreboard.report.Svg.Anchor;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The SVG writer behind the report's charts, and the axis arithmetic of ReportCharts. */
class SvgTest {

  @Test
  void writesWellFormedSvgWithEscapedTextAndWholeNumberSize() throws Exception {
    String svg =
        new Svg("c<1>", 520, 260)
            .beginItem("p50 & 'worst'", 3)
            .rect(1.006, 2, 3.5, 4, "#1f77b4", 1)
            .text(10, 20, Anchor.MIDDLE, 11, -90, "a < b & \"c\"\u0001")
            .end()
            .polyline(new double[] {0, 0, 1.25, -0.001}, "#ff7f0e", 1.6)
            .done();
    assertThat(svg)
        .startsWith("<svg xmlns='http://www.w3.org/2000/svg' id='c&lt;1&gt;' width='520'")
        .contains("viewBox='0 0 520 260'", "points='0,0 1.25,0'", "x='1.01'")
        .contains("transform='rotate(-90 10 20)'");
    Document doc = parse(svg);
    var item = (org.w3c.dom.Element) doc.getElementsByTagName("g").item(0);
    assertThat(item.getAttribute("data-series")).isEqualTo("p50 & 'worst'");
    assertThat(item.getAttribute("data-item")).isEqualTo("3");
    assertThat(doc.getElementsByTagName("text").item(0).getTextContent())
        .isEqualTo("a < b & \"c\"");
  }

  @Test
  void refusesUnbalancedGroupsAndCoordinatesThatAreNotNumbers() {
    assertThatThrownBy(() -> new Svg("x", 1, 1).beginItem("s", 0).done())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Svg("x", 1, 1).end()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Svg.num(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Svg.num(-0.001)).isEqualTo("0");
    assertThat(Svg.num(720.0)).isEqualTo("720");
    assertThat(Svg.num(-3.1)).isEqualTo("-3.1");
  }

  @Test
  void choosesRoundStepsAndLabelsThemWithTheDecimalsTheyNeed() {
    assertThat(ReportCharts.step(4.6, 6)).isEqualTo(1);
    assertThat(ReportCharts.step(115, 6)).isEqualTo(20);
    assertThat(ReportCharts.step(0.7, 6))
        .isEqualTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(ReportCharts.step(0, 6)).isEqualTo(1);
    assertThat(ReportCharts.tick(40, 20)).isEqualTo("40");
    assertThat(ReportCharts.tick(0.4000000001, 0.2)).isEqualTo("0.4");
    assertThat(ReportCharts.tick(-0.0000001, 0.05)).isEqualTo("0.00");
  }

  @Test
  void shadesEachDeviationAndOneStillOpenUntilTheEnd() {
    Instant t0 = Instant.parse("2026-04-01T10:00:00Z");
    List<double[]> spans =
        ReportCharts.deviations(
            t0,
            List.of(
                new SteadyStateChange(t0.plusSeconds(60), false),
                new SteadyStateChange(t0.plusSeconds(180), true),
                new SteadyStateChange(t0.plusSeconds(240), false)),
            6);
    assertThat(spans).hasSize(2);
    assertThat(spans.get(0)).containsExactly(1, 3);
    assertThat(spans.get(1)).containsExactly(4, 6);
  }

  @Test
  void chartsParseAsXmlAndCountTheirItems() throws Exception {
    var report = ReportSamples.gameDay(false);
    for (ReportCharts.Chart c :
        List.of(
            ReportCharts.funnel("f", report.funnel()),
            ReportCharts.timeline("t", report.incident("a1").orElseThrow()))) {
      Document doc = parse(c.svg());
      assertThat(doc.getElementsByTagName("g").getLength()).isEqualTo(c.points());
    }
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(svg)));
  }
}
