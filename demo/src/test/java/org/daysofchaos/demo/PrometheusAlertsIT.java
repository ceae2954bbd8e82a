package org.daysofchaos.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.metrics.MetricSources;
import org.daysofchaos.agents.metrics.PromQlSource;
import org.daysofchaos.agents.metrics.PrometheusAlerts;
import org.daysofchaos.agents.testing.PrometheusProcess;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RunListener;
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
import org.junit.jupiter.api.Test;

/**
 * Detection by alerts polled from a real Prometheus' {@code /api/v1/alerts}, without Alertmanager:
 * Prometheus scrapes the demo and evaluates alerting rules every second; a 400 ms latency step on
 * the payment link at a known instant (the injection) must be detected by the alert the scenario
 * names, and the true moment must lie inside the interval the journal states (up to one scrape plus
 * one evaluation interval before the alert's {@code activeAt}), for a rule without and with a
 * {@code for:}. Then Prometheus is stopped in the middle of a run: the run says what it could not
 * measure, and never detects by an alert it could not read.
 */
class PrometheusAlertsIT {
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

  /** A booking slowed by the fault completes (and is counted) up to ~0.5 s after the change. */
  private static final Duration IN_FLIGHT = Duration.ofMillis(600);

  /** Thread wake-ups and HTTP round trips on a busy 2-core machine. */
  private static final Duration SLACK = Duration.ofMillis(500);

  @Test
  void theAlertPolledFromPrometheusDetectsAndTheTrueMomentLiesInTheStatedInterval()
      throws Exception {
    PrometheusProcess.requireBinary();
    Path dir = Files.createTempDirectory("chaos-alerts-it-");
    try (DemoSystem demo = DemoSystem.start();
        PrometheusProcess prometheus = PrometheusProcess.startIn(dir, config(dir, demo))) {
      PromQlSource promQl = PromQlSource.of(prometheus.url()).scrapedEvery(INTERVAL);
      PrometheusAlerts alerts = promQl.alerts("main", INTERVAL);
      ProbeRunners probes =
          Agents.probes(
              MetricSources.of(List.of(demo.metricsUrl()), Map.of("main", promQl)),
              demo.toxiproxyServers());
      prometheus.awaitSeries("booking_request_duration_seconds_bucket");
      List<String> figures = new ArrayList<>();
      for (String alert : alertsToPlay()) {
        awaitQuiet(alerts);
        awaitSteadyState(probes, scenario(alert));
        RunResult result = run(demo, probes, alerts, scenario(alert), List.of());

        assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.PASSED);
        Measurement detection = result.detection().orElseThrow(() -> new AssertionError(result));
        assertThat(detection.source())
            .isEqualTo("alert " + alert + " (prometheus-alerts-api main)");
        figures.add(alert + ": " + check(detection, result));
      }
      figures.forEach(f -> System.out.println("alerts API, 1 s scrape and evaluation: " + f));

      theRunSaysWhatItCannotMeasureWhenPrometheusStopsMidRun(demo, probes, alerts, prometheus);
    } finally {
      PrometheusProcess.deleteQuietly(dir);
    }
  }

  /**
   * Three incidents, both rules, keep the suite short; {@code -Dmeasurement.incidents=10} plays
   * that many, alternating the rules, for the figures of docs/measurement.md.
   */
  private static List<String> alertsToPlay() {
    int asked = Integer.getInteger("measurement.incidents", 3);
    List<String> alerts = new ArrayList<>();
    for (int i = 0; i < asked; i++) {
      alerts.add(i % 2 == 0 ? "BookingSlow" : "BookingSlowHeld");
    }
    return alerts;
  }

  /**
   * Prometheus is stopped as soon as the fault is in, before the held rule (for: 2s) can fire: the
   * journal says the alerts cannot be read, nothing is detected by them, the fault is still
   * reverted and the recovery (read from the demo itself) is still measured.
   */
  private static void theRunSaysWhatItCannotMeasureWhenPrometheusStopsMidRun(
      DemoSystem demo, ProbeRunners probes, PrometheusAlerts alerts, PrometheusProcess prometheus)
      throws IOException {
    awaitQuiet(alerts);
    awaitSteadyState(probes, scenario("BookingSlowHeld"));
    RunListener stopPrometheus =
        event -> {
          if (event.type() == EventType.INJECTED) {
            prometheus.stop();
          }
        };

    RunResult result =
        run(demo, probes, alerts, scenario("BookingSlowHeld"), List.of(stopPrometheus));

    assertThat(result.detection()).as(result.summary()).isEmpty();
    assertThat(result.events()).noneMatch(e -> e.type() == EventType.ALERT_RECEIVED);
    assertThat(result.events())
        .filteredOn(e -> e.type() == EventType.PROBE_ERROR)
        .extracting(JournalEvent::message)
        .anyMatch(m -> m.contains("cannot read its alerts"));
    assertThat(result.events()).anyMatch(e -> e.type() == EventType.REVERTED);
    assertThat(result.recovery()).as(result.summary()).isPresent();
    ToxiproxyClient client =
        new ToxiproxyClient(demo.toxiproxyUrl().getHost(), demo.toxiproxyUrl().getPort());
    assertThat(client.getProxy("payment").toxics().getAll()).isEmpty();
  }

  /** The truth lies in [injection, injection + in-flight]; the stated interval must reach it. */
  private static String check(Measurement m, RunResult result) {
    Instant change = result.injectedAt().orElseThrow();
    JournalEvent received =
        result.events().stream()
            .filter(e -> e.type() == EventType.ALERT_RECEIVED)
            .findFirst()
            .orElseThrow();
    Instant activeAt = Instant.parse(received.data().get("activeAt"));
    assertThat(received.message()).contains("detected by prometheus-alerts-api main");
    assertThat(m.trueTo()).isEqualTo(activeAt);
    assertThat(m.resolution()).isEqualTo(INTERVAL.plus(INTERVAL));
    assertThat(m.trueFrom())
        .as("stated from %s, true moment until %s", m.trueFrom(), change.plus(IN_FLIGHT))
        .isBeforeOrEqualTo(change.plus(IN_FLIGHT).plus(SLACK));
    assertThat(m.trueTo())
        .as("stated to %s, true moment from %s", m.trueTo(), change)
        .isAfterOrEqualTo(change.minus(SLACK));
    Instant truth = change.plus(IN_FLIGHT.dividedBy(2));
    Duration error = Duration.between(truth, m.reported()).abs();
    assertThat(error)
        .as("estimate %s, true moment about %s", m.reported(), truth)
        .isLessThanOrEqualTo(INTERVAL.plus(SLACK));
    return String.format(
        "activeAt %.1f s after the injection, seen %.1f s after it, stated [%.1f, %.1f] s,"
            + " estimate off by %.1f s",
        seconds(change, activeAt),
        seconds(change, m.at()),
        seconds(change, m.trueFrom()),
        seconds(change, m.trueTo()),
        error.toMillis() / 1000.0);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  /** Each incident starts with no alert firing: one still firing would say nothing about it. */
  private static void awaitQuiet(PrometheusAlerts alerts) {
    await("no demo alert fires")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(() -> alerts.firing(Set.of("BookingSlow", "BookingSlowHeld")).isEmpty());
  }

  /**
   * Each incident starts from the steady state: a demo just started, or sharing a busy machine,
   * answers slowly for a while, and the gate would rightly refuse to inject.
   */
  private static void awaitSteadyState(ProbeRunners probes, Scenario scenario) {
    await("the steady state")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> holds(probes, scenario.steadyState()));
  }

  private static boolean holds(ProbeRunners probes, List<ProbeSpec> steadyState) throws Exception {
    for (ProbeSpec probe : steadyState) {
      if (!holds(probes, probe)) {
        return false;
      }
    }
    return true;
  }

  private static <P extends ProbeSpec> boolean holds(ProbeRunners probes, P probe)
      throws Exception {
    return probes.forProbe(probe).orElseThrow().observe(probe).holds();
  }

  private static RunResult run(
      DemoSystem demo,
      ProbeRunners probes,
      PrometheusAlerts alerts,
      Scenario scenario,
      List<RunListener> listeners) {
    Clock clock = Clock.systemUTC();
    return new IncidentRunner(
            Agents.injectors(demo.toxiproxyServers(), demo.processes()),
            probes,
            new InMemoryLedger(),
            clock,
            Sleeper.system(clock),
            RunOptions.defaults().withInterval(PROBE_INTERVAL))
        .withAlerts(List.of(alerts))
        .run(scenario, new RunControl(), listeners);
  }

  /** Detection only by the alert; the steady state read straight from the demo, to be quick. */
  private static Scenario scenario(String alert) {
    String yaml =
        """
        id: measure/payment-latency-alert
        title: Payments are slow, seen by a Prometheus alert
        mode: time-boxed
        duration: 5s
        maxDuration: 1m
        targets:
          payment-link: { proxy: payment }
        faults:
          - { kind: network/latency, target: payment-link, latency: 400ms }
        steadyState:
          - { kind: metric/threshold, query: 'booking_request_seconds{quantile="0.99"}', below: 0.3 }
        detection:
          alerts: [%s]
        recovery: { holdFor: 1s, within: 1m }
        """
            .formatted(alert);
    ReadResult read = new ScenarioReader(Catalog.standard()).read("alert.yaml", yaml);
    assertThat(read.problems()).isEmpty();
    return read.scenarios().get(0);
  }

  private static String config(Path dir, DemoSystem demo) throws IOException {
    String rules;
    try (InputStream in = PrometheusAlertsIT.class.getResourceAsStream("/alerts/rules.yml")) {
      rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.writeString(
        dir.resolve("rules.yml"),
        rules.replace("${window}", INTERVAL.multipliedBy(4).toSeconds() + "s"));
    return """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        rule_files:
          - %s
        scrape_configs:
          - job_name: booking
            metrics_path: %s
            static_configs:
              - targets: ['%s:%d']
        """
        .formatted(
            dir.resolve("rules.yml"),
            demo.metricsUrl().getPath(),
            demo.metricsUrl().getHost(),
            demo.metricsUrl().getPort());
  }
}
