package org.daysofchaos.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.metrics.MetricSources;
import org.daysofchaos.agents.metrics.MetricThresholdRunner;
import org.daysofchaos.agents.metrics.PromQlSource;
import org.daysofchaos.agents.testing.PrometheusProcess;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.run.IncidentRunner;
import org.daysofchaos.core.run.RunControl;
import org.daysofchaos.core.run.RunOptions;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.spi.Sleeper;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.experiments.probes.MetricThreshold;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The resolution model of docs/measurement.md against a real Prometheus scraping the demo: a 400 ms
 * latency step at known instants (the injection and the revert), measured only through PromQL (a
 * p99 from a histogram's {@code rate} over four scrape intervals). For every incident, the true
 * moment the problem started and ended lies inside the interval the journal states, and the
 * reported estimate is within one scrape interval of it, although the end is seen about one window
 * late.
 *
 * <p>It spends most of its time waiting for Prometheus' windows to fill, so it runs beside the
 * other tests of the module, and its two settings beside each other (each has its own demo and
 * Prometheus).
 */
@Execution(ExecutionMode.CONCURRENT)
class PromQlMeasurementIT {
  private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

  /** A booking slowed by the fault completes (and is counted) up to ~0.5 s after the change. */
  private static final Duration IN_FLIGHT = Duration.ofMillis(600);

  /** Thread wake-ups and HTTP round trips on a busy 2-core machine. */
  private static final Duration SLACK = Duration.ofMillis(500);

  /**
   * Three incidents at 1 s and one at 5 s keep the suite short; {@code -Dmeasurement.incidents=10}
   * plays that many at each setting, for the figures of docs/measurement.md.
   */
  static Stream<Arguments> settings() {
    Integer asked = Integer.getInteger("measurement.incidents");
    return Stream.of(
        Arguments.of(1, asked == null ? 3 : asked), Arguments.of(5, asked == null ? 1 : asked));
  }

  @ParameterizedTest(name = "scrape every {0} s, {1} incidents")
  @MethodSource("settings")
  @Execution(ExecutionMode.CONCURRENT)
  void theTrueMomentsLieInsideTheStatedIntervalsThroughPromQl(int scrapeSeconds, int incidents)
      throws Exception {
    PrometheusProcess.requireBinary();
    Duration scrape = Duration.ofSeconds(scrapeSeconds);
    Duration window = scrape.multipliedBy(4);
    try (DemoSystem demo = DemoSystem.start();
        PrometheusProcess prometheus = PrometheusProcess.start(config(demo, scrapeSeconds))) {
      PromQlSource source = PromQlSource.of(prometheus.url()).scrapedEvery(scrape);
      ProbeRunners probes = Agents.probes(MetricSources.of(source), demo.toxiproxyServers());
      Scenario scenario = scenario(window, scrape);
      List<String> figures = new ArrayList<>();
      for (int i = 0; i < incidents; i++) {
        awaitSteadyState(source, scenario);
        RunResult result = run(demo, probes, scenario);

        assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.PASSED);
        Instant started = result.injectedAt().orElseThrow();
        Instant ended = result.faultEndedAt().orElseThrow();
        figures.add(
            check("start", result.detection().orElseThrow(), started, scrape)
                + "; "
                + check("end", result.recovery().orElseThrow(), ended, scrape));
      }
      figures.forEach(f -> System.out.printf("scrape %ds: %s%n", scrapeSeconds, f));
    }
  }

  /** The truth lies in [change, change + in-flight]; the stated interval must reach it. */
  private static String check(String what, Measurement m, Instant change, Duration scrape) {
    Instant truthFrom = change;
    Instant truthTo = change.plus(IN_FLIGHT);
    assertThat(m.trueFrom())
        .as("%s: stated from %s, true moment from %s", what, m.trueFrom(), truthFrom)
        .isBeforeOrEqualTo(truthTo.plus(SLACK));
    assertThat(m.trueTo())
        .as("%s: stated to %s, true moment from %s", what, m.trueTo(), truthFrom)
        .isAfterOrEqualTo(truthFrom.minus(SLACK));
    Instant truth = truthFrom.plus(IN_FLIGHT.dividedBy(2));
    Duration error = Duration.between(truth, m.reported()).abs();
    assertThat(error)
        .as("%s: estimate %s, true moment about %s", what, m.reported(), truth)
        .isLessThanOrEqualTo(scrape.plus(SLACK));
    return String.format(
        "%s seen %.1f s late, stated [%.1f, %.1f] s late, estimate off by %.1f s",
        what,
        seconds(change, m.at()),
        seconds(m.trueTo(), m.at()),
        seconds(m.trueFrom(), m.at()),
        error.toMillis() / 1000.0);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static RunResult run(DemoSystem demo, ProbeRunners probes, Scenario scenario) {
    Clock clock = Clock.systemUTC();
    return new IncidentRunner(
            Agents.injectors(demo.toxiproxyServers(), demo.processes()),
            probes,
            new InMemoryLedger(),
            clock,
            Sleeper.system(clock),
            RunOptions.defaults().withInterval(PROBE_INTERVAL))
        .run(scenario, new RunControl(), List.of());
  }

  /** Each incident starts from a window full of healthy samples. */
  private static void awaitSteadyState(PromQlSource source, Scenario scenario) {
    MetricThresholdRunner runner = new MetricThresholdRunner(source);
    await("the steady state through PromQL")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              for (ProbeSpec probe : scenario.steadyState()) {
                if (!runner.observe((MetricThreshold) probe).holds()) {
                  return false;
                }
              }
              return true;
            });
  }

  private static Scenario scenario(Duration window, Duration scrape) {
    String p99 =
        "histogram_quantile(0.99, sum by (le) (rate(booking_request_duration_seconds_bucket[%ds])))"
            .formatted(window.toSeconds());
    String yaml =
        """
        id: measure/payment-latency
        title: Payments are slow, seen through PromQL
        mode: time-boxed
        duration: %ds
        maxDuration: 5m
        targets:
          payment-link: { proxy: payment }
        faults:
          - { kind: network/latency, target: payment-link, latency: 400ms }
        steadyState:
          - { kind: metric/threshold, query: "%s", below: 0.3 }
        detection:
          signals:
            - { kind: metric/threshold, query: "%s", above: 0.3 }
        recovery: { holdFor: 1s, within: 3m }
        """
            .formatted(scrape.multipliedBy(3).toSeconds(), p99, p99);
    ReadResult read = new ScenarioReader(Catalog.standard()).read("measure.yaml", yaml);
    assertThat(read.problems()).isEmpty();
    return read.scenarios().get(0);
  }

  private static String config(DemoSystem demo, int scrapeSeconds) {
    return """
        global:
          scrape_interval: %ds
          scrape_timeout: 1s
        scrape_configs:
          - job_name: booking
            metrics_path: %s
            static_configs:
              - targets: ['%s:%d']
        """
        .formatted(
            scrapeSeconds,
            demo.metricsUrl().getPath(),
            demo.metricsUrl().getHost(),
            demo.metricsUrl().getPort());
  }
}
