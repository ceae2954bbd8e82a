package org.daysofchaos.agents.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.spi.MetricSample;
import org.daysofchaos.core.spi.MetricSource;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.experiments.probes.MetricThreshold;
import org.daysofchaos.experiments.probes.SeriesMode;
import org.junit.jupiter.api.Test;

class MetricThresholdRunnerTest {

  /** A source that answers every query with one series per value, labelled pod="p0", "p1"... */
  private static MetricSource pods(double... values) {
    return query ->
        java.util.stream.IntStream.range(0, values.length)
            .mapToObj(i -> new MetricSample(Map.of("pod", "p" + i), values[i]))
            .toList();
  }

  private static Observation observe(SeriesMode mode, Double below, MetricSource source)
      throws Exception {
    return new MetricThresholdRunner(source)
        .observe(new MetricThreshold("q", below, null, mode, Optional.empty()));
  }

  private static boolean holdsBelow(SeriesMode mode, double below, double... values)
      throws Exception {
    return observe(mode, below, pods(values)).holds();
  }

  @Test
  void anyHoldsWhenAtLeastOneSeriesHolds() throws Exception {
    assertThat(holdsBelow(SeriesMode.ANY, 0.5, 0.9, 0.1)).isTrue();
    assertThat(holdsBelow(SeriesMode.ANY, 0.5, 0.9, 0.7)).isFalse();
    assertThat(observe(SeriesMode.ANY, 0.5, pods(0.9, 0.1)).detail())
        .isEqualTo("1 of 2 series hold: {pod=\"p1\"} 0.1000");
  }

  @Test
  void allHoldsWhenEverySeriesHolds() throws Exception {
    assertThat(holdsBelow(SeriesMode.ALL, 0.5, 0.1, 0.2)).isTrue();
    assertThat(holdsBelow(SeriesMode.ALL, 0.5, 0.1, 0.9)).isFalse();
    assertThat(observe(SeriesMode.ALL, 0.5, pods(0.1, 0.9)).detail())
        .isEqualTo("1 of 2 series do not hold: {pod=\"p1\"} 0.9000");
  }

  @Test
  void aggregatesComputeThenCompare() throws Exception {
    double[] values = {0.1, 0.2, 0.3};
    assertThat(holdsBelow(SeriesMode.MIN, 0.15, values)).isTrue();
    assertThat(holdsBelow(SeriesMode.MAX, 0.25, values)).isFalse();
    assertThat(holdsBelow(SeriesMode.MAX, 0.35, values)).isTrue();
    assertThat(holdsBelow(SeriesMode.SUM, 0.55, values)).isFalse();
    assertThat(holdsBelow(SeriesMode.SUM, 0.65, values)).isTrue();
    assertThat(holdsBelow(SeriesMode.AVG, 0.25, values)).isTrue();
    assertThat(holdsBelow(SeriesMode.AVG, 0.15, values)).isFalse();
    assertThat(observe(SeriesMode.MAX, 1.0, pods(values)).detail())
        .isEqualTo("max 0.3000 of 3 series");
  }

  @Test
  void oneSeriesIsReadAsTodayAndSeveralWithoutAModeAreAProbeErrorThatSaysWhatToDo() {
    assertThatThrownBy(() -> observe(SeriesMode.ONE, 0.5, pods(0.1, 0.2)))
        .hasMessageContaining("'q' returns 2 series ({pod=\"p0\"}, {pod=\"p1\"})")
        .hasMessageContaining("series: any, all, min, max, sum or avg");
  }

  @Test
  void anEmptyResultNeverHoldsWhateverTheMode() throws Exception {
    for (SeriesMode mode : SeriesMode.values()) {
      Observation seen = observe(mode, 1e9, query -> List.of());
      assertThat(seen.holds()).as(mode.name()).isFalse();
      assertThat(seen.detail()).isEqualTo("no such series");
    }
    Observation above =
        new MetricThresholdRunner(query -> List.of())
            .observe(new MetricThreshold("q", null, -1e9, SeriesMode.ANY, Optional.empty()));
    assertThat(above.holds()).isFalse();
  }

  @Test
  void nanNeverHoldsAndInfinityComparesAsAnInfiniteValue() throws Exception {
    assertThat(holdsBelow(SeriesMode.ONE, 1e9, Double.NaN)).isFalse();
    assertThat(holdsBelow(SeriesMode.ALL, 1e9, 0.1, Double.NaN)).isFalse();
    assertThat(holdsBelow(SeriesMode.ANY, 1e9, 0.1, Double.NaN)).isTrue();
    assertThat(holdsBelow(SeriesMode.MAX, 1e9, 0.1, Double.NaN)).isFalse();
    assertThat(holdsBelow(SeriesMode.ONE, 1e9, Double.POSITIVE_INFINITY)).isFalse();
    Observation above =
        new MetricThresholdRunner(pods(Double.POSITIVE_INFINITY))
            .observe(new MetricThreshold("q", null, 1.0));
    assertThat(above.holds()).isTrue();
  }

  @Test
  void asksTheSourceTheProbeNamesAndRefusesAnUnknownOne() throws Exception {
    MetricSources sources = MetricSources.of(Map.of("default", pods(0.9), "prod", pods(0.1)));
    MetricThresholdRunner runner = new MetricThresholdRunner(sources);

    assertThat(runner.observe(new MetricThreshold("q", 0.5, null)).holds()).isFalse();
    assertThat(
            runner
                .observe(new MetricThreshold("q", 0.5, null, SeriesMode.ONE, Optional.of("prod")))
                .holds())
        .isTrue();
    assertThatThrownBy(
            () ->
                runner.observe(
                    new MetricThreshold("q", 0.5, null, SeriesMode.ONE, Optional.of("staging"))))
        .hasMessageContaining("names metric source 'staging', which is not configured")
        .hasMessageContaining("configured sources: default, prod");
  }

  @Test
  void aSourceThatCannotAnswerIsAnErrorNeverAValue() {
    MetricSource down =
        query -> {
          throw new java.io.IOException("Prometheus at http://127.0.0.1:1 is down");
        };

    assertThatThrownBy(() -> observe(SeriesMode.ANY, 0.5, down)).hasMessageContaining("is down");
  }
}
