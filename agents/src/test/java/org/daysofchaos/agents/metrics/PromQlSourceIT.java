package org.daysofchaos.agents.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.daysofchaos.agents.testing.PrometheusProcess;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.run.IncidentRunner;
import org.daysofchaos.core.run.RunControl;
import org.daysofchaos.core.run.RunOptions;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.MetricSample;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.testing.ManualClock;
import org.daysofchaos.core.testing.ManualSleeper;
import org.daysofchaos.core.testing.RecordingInjector;
import org.daysofchaos.core.testing.Scenarios;
import org.daysofchaos.core.testing.TestFault;
import org.daysofchaos.experiments.probes.MetricThreshold;
import org.daysofchaos.experiments.probes.SeriesMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link PromQlSource} and {@code metric/threshold} against a real Prometheus that scrapes a test
 * exporter every second. The exporter's counters grow with the wall clock at a known rate, so
 * {@code rate(...)} and {@code histogram_quantile(...)} have known answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PromQlSourceIT {
  /** Requests per second of the exporter's counter and histogram. */
  private static final double RATE = 10;

  private static final long STARTED = System.nanoTime();
  private static final AtomicReference<String> gauges =
      new AtomicReference<>(
          """
          chaos_test_value 0.25
          chaos_test_nan NaN
          chaos_test_pod_errors{pod="a"} 0.1
          chaos_test_pod_errors{pod="b"} 0.3
          chaos_test_pod_errors{pod="c"} 0.6
          """);

  private static HttpServer exporter;
  private static PrometheusProcess prometheus;
  private static PromQlSource source;

  @BeforeAll
  static void start() throws IOException {
    PrometheusProcess.requireBinary();
    exporter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    exporter.createContext(
        "/metrics",
        exchange -> {
          byte[] body = exposition().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    exporter.start();
    prometheus =
        PrometheusProcess.start(
            """
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: exporter
                static_configs:
                  - targets: ['127.0.0.1:%d']
            """
                .formatted(exporter.getAddress().getPort()));
    source = PromQlSource.of(prometheus.url());
    // A window of 5 s full of scrapes, so that rate() needs no guess at its edges.
    prometheus.awaitSeries("count_over_time(chaos_test_requests_total[5s]) >= 5");
  }

  /** The gauges the tests set, a counter and a histogram of requests that all take 0.1-0.5 s. */
  private static String exposition() {
    double requests = RATE * (System.nanoTime() - STARTED) / 1e9;
    String n = String.format(Locale.ROOT, "%.3f", requests);
    return gauges.get()
        + "chaos_test_requests_total "
        + n
        + "\n"
        + "chaos_test_latency_seconds_bucket{le=\"0.1\"} 0\n"
        + ("chaos_test_latency_seconds_bucket{le=\"0.5\"} " + n + "\n")
        + ("chaos_test_latency_seconds_bucket{le=\"1\"} " + n + "\n")
        + ("chaos_test_latency_seconds_bucket{le=\"+Inf\"} " + n + "\n")
        + ("chaos_test_latency_seconds_sum " + n + "\n")
        + ("chaos_test_latency_seconds_count " + n + "\n");
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (exporter != null) {
      exporter.stop(0);
    }
  }

  private static double value(String query) throws Exception {
    List<MetricSample> samples = source.samples(query);
    assertThat(samples).as(query).hasSize(1);
    return samples.get(0).value();
  }

  private static Observation observe(String query, SeriesMode mode, double below) throws Exception {
    return new MetricThresholdRunner(source)
        .observe(new MetricThreshold(query, below, null, mode, Optional.empty()));
  }

  @Test
  void readsAValueWithItsLabels() throws Exception {
    assertThat(source.samples("chaos_test_value"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.value()).isEqualTo(0.25);
              assertThat(s.labels())
                  .containsEntry("__name__", "chaos_test_value")
                  .containsEntry("job", "exporter");
            });
    assertThat(value("scalar(chaos_test_value)")).isEqualTo(0.25);
  }

  @Test
  void readsARate() throws Exception {
    assertThat(value("rate(chaos_test_requests_total[5s])")).isCloseTo(RATE, within(2.0));
  }

  @Test
  void readsAQuantileOfAHistogram() throws Exception {
    // Every request lies in (0.1, 0.5]: Prometheus interpolates 0.1 + 0.4 * 0.99.
    assertThat(
            value(
                "histogram_quantile(0.99, sum by (le) (rate(chaos_test_latency_seconds_bucket[5s])))"))
        .isCloseTo(0.496, within(0.001));
  }

  @Test
  void anEmptyResultDoesNotHold() throws Exception {
    assertThat(source.samples("chaos_test_missing")).isEmpty();
    assertThat(source.query("chaos_test_value", Optional.of(Instant.now().minusSeconds(3600))))
        .isEmpty();
    Observation seen = observe("chaos_test_missing", SeriesMode.ANY, 1);
    assertThat(seen.holds()).isFalse();
    assertThat(seen.detail()).isEqualTo("no such series");
  }

  @Test
  void readsSeveralSeriesAsTheScenarioSays() throws Exception {
    String pods = "chaos_test_pod_errors";
    assertThat(source.samples(pods)).hasSize(3);
    assertThatThrownBy(() -> observe(pods, SeriesMode.ONE, 0.5))
        .hasMessageContaining("returns 3 series");
    assertThat(observe(pods, SeriesMode.ANY, 0.5).holds()).isTrue();
    assertThat(observe(pods, SeriesMode.ALL, 0.5).holds()).isFalse();
    assertThat(observe(pods, SeriesMode.ALL, 0.7).holds()).isTrue();
    assertThat(observe(pods, SeriesMode.MIN, 0.2).holds()).isTrue();
    assertThat(observe(pods, SeriesMode.MAX, 0.5).holds()).isFalse();
    assertThat(observe(pods, SeriesMode.SUM, 0.9).holds()).isFalse();
    assertThat(observe(pods, SeriesMode.SUM, 1.1).holds()).isTrue();
    assertThat(observe(pods, SeriesMode.AVG, 0.4).holds()).isTrue();
  }

  @Test
  void nanIsReadAndNeverHolds() throws Exception {
    assertThat(value("chaos_test_nan")).isNaN();
    assertThat(observe("chaos_test_nan", SeriesMode.ONE, 1e9).holds()).isFalse();
    assertThat(value("0/0")).isNaN();
  }

  @Test
  void showsWhyPrometheusRefusesAQuery() {
    assertThatThrownBy(() -> source.samples("rate(chaos_test_value"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Prometheus refused 'rate(chaos_test_value': bad_data:");
    assertThatThrownBy(() -> source.samples("chaos_test_value[5s]"))
        .hasMessageContaining("returns a range vector; wrap it in a function such as rate(...)");
  }

  @Test
  void readsTheValueTheExporterHasNow() {
    gauges.set(gauges.get().replace("chaos_test_value 0.25", "chaos_test_value 0.75"));
    try {
      await("Prometheus scraped the new value")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> value("chaos_test_value") == 0.75);
    } finally {
      gauges.set(gauges.get().replace("chaos_test_value 0.75", "chaos_test_value 0.25"));
    }
    await("Prometheus scraped the old value again")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> value("chaos_test_value") == 0.25);
  }

  /**
   * Prometheus stops once the fault is in effect: the run detects nothing, sees no deviation and
   * measures no recovery, and says what it could not measure. Runs last: it stops the server.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void aPrometheusThatStopsMidRunIsNeitherADetectionNorARecovery() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-06-01T10:00:00Z"));
    Scenario scenario =
        Scenarios.scenario(
            Mode.UNTIL_FIXED,
            Optional.empty(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            List.of(TestFault.on("db")),
            List.of(new MetricThreshold("chaos_test_value", 0.5, null)),
            List.of(new MetricThreshold("chaos_test_value", null, 0.5)));
    IncidentRunner runner =
        new IncidentRunner(
            Injectors.of(List.of(new RecordingInjector())),
            ProbeRunners.of(List.of(new MetricThresholdRunner(source))),
            new InMemoryLedger(),
            clock,
            new ManualSleeper(clock),
            RunOptions.defaults());

    RunResult result =
        runner.run(
            scenario,
            new RunControl(),
            List.of(
                event -> {
                  if (event.type() == EventType.FAULT_ACTIVE) {
                    prometheus.stop();
                  }
                }));

    assertThat(result.events()).filteredOn(e -> e.type() == EventType.GATE_PASSED).hasSize(1);
    assertThat(result.detection()).isEmpty();
    assertThat(result.deviated()).isFalse();
    assertThat(result.recovery()).isEmpty();
    assertThat(result.events())
        .filteredOn(e -> e.type() == EventType.PROBE_ERROR)
        .isNotEmpty()
        .allSatisfy(
            e ->
                assertThat(e.message()).contains("cannot reach Prometheus at " + prometheus.url()));
    assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(result.reason()).contains("could not measure recovery");
  }
}
