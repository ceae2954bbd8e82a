package org.daysofchaos.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.daysofchaos.agents.metrics.MetricThresholdRunner;
import org.daysofchaos.agents.metrics.PromQlSource;
import org.daysofchaos.agents.testing.PrometheusProcess;
import org.daysofchaos.core.spi.MetricSample;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.experiments.Probes;
import org.junit.jupiter.api.Test;

/** The demo speaks PromQL: a real Prometheus scrapes booking and answers a histogram quantile. */
class DemoPromQlIT {
  private static final String P99 =
      "histogram_quantile(0.99, sum by (le) (rate(booking_request_duration_seconds_bucket[4s])))";

  @Test
  void aRealPrometheusAnswersTheP99OfTheBookingHistogram() throws Exception {
    PrometheusProcess.requireBinary();
    try (DemoSystem demo = DemoSystem.start();
        PrometheusProcess prometheus =
            PrometheusProcess.start(
                """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: booking
                    metrics_path: %s
                    static_configs:
                      - targets: ['%s:%d']
                """
                    .formatted(
                        demo.metricsUrl().getPath(),
                        demo.metricsUrl().getHost(),
                        demo.metricsUrl().getPort()))) {
      prometheus.awaitSeries("count_over_time(booking_request_duration_seconds_count[4s]) >= 4");
      PromQlSource source = PromQlSource.of(prometheus.url());

      assertThat(source.samples("booking_request_duration_seconds_bucket"))
          .extracting(s -> s.labels().get("le"))
          .contains("0.005", "0.5", "+Inf");
      List<MetricSample> p99 = source.samples(P99);
      assertThat(p99).singleElement().satisfies(s -> assertThat(s.value()).isBetween(0.0, 5.0));
      Observation healthy = new MetricThresholdRunner(source).observe(Probes.metricBelow(P99, 0.5));
      assertThat(healthy.holds()).as(healthy.detail()).isTrue();
    }
  }
}
