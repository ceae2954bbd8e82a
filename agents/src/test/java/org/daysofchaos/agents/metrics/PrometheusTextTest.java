package org.daysofchaos.agents.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void readsSamplesWithAndWithoutLabelsAndSkipsComments() {
    List<Sample> samples =
        PrometheusText.parse(
            """
            # HELP booking_requests_total Bookings
            # TYPE booking_requests_total counter
            booking_requests_total{outcome="ok"} 1027.0
            booking_requests_total{outcome="error",service="a b"} 3 1700000000000
            booking_error_ratio 0.25
            up NaN
            big +Inf
            """);

    assertThat(samples)
        .containsExactly(
            new Sample("booking_requests_total", Map.of("outcome", "ok"), 1027.0),
            new Sample("booking_requests_total", Map.of("outcome", "error", "service", "a b"), 3),
            new Sample("booking_error_ratio", Map.of(), 0.25),
            new Sample("up", Map.of(), Double.NaN),
            new Sample("big", Map.of(), Double.POSITIVE_INFINITY));
  }

  @Test
  void unescapesLabelValues() {
    List<Sample> samples = PrometheusText.parse("m{path=\"a\\\"b\\\\c\\nd\",x=\"}\"} 1\n");

    assertThat(samples.get(0).labels()).containsEntry("path", "a\"b\\c\nd").containsEntry("x", "}");
  }

  @Test
  void namesTheLineThatCannotBeRead() {
    assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbroken{a=\"x\" 2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void selectorsMatchOnNameAndExactLabels() {
    SeriesSelector selector = SeriesSelector.parse("booking_request_seconds{quantile=\"0.99\"}");
    Sample p99 = new Sample("booking_request_seconds", Map.of("quantile", "0.99", "x", "y"), 1);
    Sample p50 = new Sample("booking_request_seconds", Map.of("quantile", "0.5"), 1);

    assertThat(selector.matches(p99)).isTrue();
    assertThat(selector.matches(p50)).isFalse();
    assertThat(SeriesSelector.parse("booking_request_seconds").matches(p50)).isTrue();
  }

  @Test
  void refusesPromQlThatAScrapeCannotAnswer() {
    assertThatThrownBy(() -> SeriesSelector.parse("rate(booking_requests_total[1m])"))
        .hasMessageContaining("need a Prometheus server");
    assertThatThrownBy(() -> SeriesSelector.parse("m{a=~\"x.*\"}"))
        .hasMessageContaining("only exact label matches");
  }
}
