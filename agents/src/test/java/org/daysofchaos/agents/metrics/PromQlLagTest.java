package org.daysofchaos.agents.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.daysofchaos.core.spi.Lag;
import org.junit.jupiter.api.Test;

/**
 * How late a PromQL query sees a change: within a scrape (and a probe) for the start of a problem,
 * about one range window late for its end: a bias, not noise.
 */
class PromQlLagTest {
  private static final Duration PROBE = Duration.ofMillis(500);
  private final PromQlSource source =
      PromQlSource.of(URI.create("http://127.0.0.1:1")).scrapedEvery(Duration.ofSeconds(15));

  @Test
  void theLongestRangeWindowOfAQueryCounts() {
    assertThat(PromQlRanges.largest("up")).isZero();
    assertThat(
            PromQlRanges.largest(
                "histogram_quantile(0.99, sum by (le) (rate(x_bucket{job=\"a\"}[1m])))"))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(PromQlRanges.largest("rate(a[30s]) / rate(b[1m30s])"))
        .isEqualTo(Duration.ofSeconds(90));
    assertThat(PromQlRanges.largest("max_over_time(rate(a[1m])[5m:30s])"))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(PromQlRanges.largest("a{path=\"/x[1m]\"}"))
        .as(
            "a range inside a label value is text, but reading it as a window only widens the bounds")
        .isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void theStartOfAProblemShowsWithinAScrapeAndAProbe() {
    assertThat(source.lag("rate(x[1m])", PROBE, Lag.Change.PROBLEM_STARTS))
        .isEqualTo(Lag.throughSamples(Duration.ZERO, Duration.ofMillis(15_500)));
  }

  @Test
  void theEndOfAProblemShowsAboutOneWindowLate() {
    assertThat(source.lag("rate(x[1m])", PROBE, Lag.Change.PROBLEM_ENDS))
        .isEqualTo(Lag.throughSamples(Duration.ofSeconds(45), Duration.ofMillis(60_500)));
    assertThat(source.lag("up", PROBE, Lag.Change.PROBLEM_ENDS))
        .as("an instant query has no window to leave")
        .isEqualTo(Lag.throughSamples(Duration.ZERO, Duration.ofMillis(15_500)));
  }

  @Test
  void aSourceThatReadsTheSystemWhenAskedIsWithinOneProbe() {
    assertThat(
            ScrapeMetricSource.of(URI.create("http://127.0.0.1:1/metrics"))
                .lag("up", PROBE, Lag.Change.PROBLEM_ENDS))
        .isEqualTo(Lag.polling(PROBE));
  }
}
