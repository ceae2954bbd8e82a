package org.daysofchaos.scoreboard.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.agents.testing.PrometheusProcess;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Recovery;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.run.IncidentRunner;
import org.daysofchaos.core.run.RunControl;
import org.daysofchaos.core.run.RunOptions;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.core.spi.Sleeper;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.scoreboard.hosts.AgentRegistry;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --demo --prometheus URL}: the server's targets with the embedded demo on a fixed
 * metrics port and a real Prometheus (deploy/prometheus/demo-prometheus.yml and its rules) as the
 * default metric source. The demo scenario {@code demo/payment-latency}, as the demo game day plays
 * it, is then measured through PromQL (its moments stated as intervals) and detected by the alert
 * polled from Prometheus, not by the demo's own text endpoint.
 */
class DemoPrometheusIT {
  private static final Path DEPLOY = Path.of("..", "deploy", "prometheus");

  @Test
  void theDemoScenarioRunsThroughPromQlAndThePrometheusAlerts() throws Exception {
    PrometheusProcess.requireBinary();
    int metricsPort = PrometheusProcess.freePort();
    Path dir = Files.createTempDirectory("chaos-demo-prometheus-");
    Files.copy(DEPLOY.resolve("demo-rules.yml"), dir.resolve("demo-rules.yml"));
    String config =
        Files.readString(DEPLOY.resolve("demo-prometheus.yml"))
            .replace("127.0.0.1:8476", "127.0.0.1:" + metricsPort);
    Targets targets = targets(metricsPort);
    try (PrometheusProcess prometheus = PrometheusProcess.startIn(dir, config)) {
      targets.config = config("chaos.targets.prometheus.default", prometheus.url().toString());
      Targets.Wiring wiring = targets.start();
      // The server asks for the demo's traffic once it serves; here, once the targets are up.
      targets.demo().orElseThrow().startTraffic();
      URI demoMetrics = targets.demo().orElseThrow().metricsUrl();
      assertThat(demoMetrics.getPort()).isEqualTo(metricsPort);
      assertThat(wiring.metrics()).as("not a second default source").doesNotContain(demoMetrics);
      assertThat(wiring.alerts()).hasSize(1);
      prometheus.awaitSeries("booking_request_seconds{quantile=\"0.99\"}");

      Scenario scenario = demoScenario();
      awaitSteadyState(wiring, scenario);
      RunResult result = run(wiring, scenario);

      assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.PASSED);
      assertThat(result.detection().orElseThrow().estimated())
          .as("seen through Prometheus: %s", result.summary())
          .isTrue();
      assertThat(result.recovery().orElseThrow().estimated()).isTrue();
      assertThat(
              result.events().stream()
                  .filter(e -> e.type() == EventType.ALERT_RECEIVED)
                  .map(JournalEvent::message))
          .singleElement()
          .asString()
          .startsWith("alert BookingLatencyHigh detected by prometheus-alerts-api default");
    } finally {
      targets.close();
      PrometheusProcess.deleteQuietly(dir);
    }
  }

  /** A freshly started demo on a busy machine needs a moment before its p99 is steady. */
  private static void awaitSteadyState(Targets.Wiring wiring, Scenario scenario) {
    await("the steady state through PromQL, and no alert firing")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () ->
                holds(wiring, scenario.steadyState().get(0))
                    && wiring.alerts().get(0).firing(scenario.detection().alerts()).isEmpty());
  }

  private static <P extends ProbeSpec> boolean holds(Targets.Wiring wiring, P probe)
      throws Exception {
    return wiring.probes().forProbe(probe).orElseThrow().observe(probe).holds();
  }

  private static RunResult run(Targets.Wiring wiring, Scenario scenario) {
    Clock clock = Clock.systemUTC();
    return new IncidentRunner(
            wiring.injectors(),
            wiring.probes(),
            new InMemoryLedger(),
            clock,
            Sleeper.system(clock),
            RunOptions.defaults().withInterval(Duration.ofMillis(250)))
        .withAlerts(wiring.alerts())
        .run(scenario, new RunControl(), List.of());
  }

  /** The shipped demo/payment-latency, shortened to a 5 s fault and a 1 s hold. */
  private static Scenario demoScenario() {
    ReadResult read =
        new ScenarioReader(Catalog.standard())
            .read(Path.of("..", "scenarios", "demo", "payment-latency.yaml"));
    assertThat(read.problems()).isEmpty();
    Scenario shipped = read.scenarios().get(0);
    return shipped.withTiming(
        Optional.of(Duration.ofSeconds(5)),
        shipped.maxDuration(),
        new Recovery(Duration.ofSeconds(1), Duration.ofMinutes(1)));
  }

  private static Targets targets(int metricsPort) {
    Targets targets = new Targets();
    targets.demoEnabled = true;
    targets.demoProxyPort = 0;
    targets.demoOpsPort = 0;
    targets.demoMetricsPort = metricsPort;
    targets.demoTraffic = 40;
    targets.opsUrl = Optional.empty();
    targets.opsToken = Optional.empty();
    targets.metrics = Optional.empty();
    targets.prometheusTimeout = Duration.ofSeconds(5);
    targets.environmentFile = Optional.empty();
    targets.agents = new AgentRegistry(Clock.systemUTC(), Duration.ofSeconds(2));
    targets.agentLease = Duration.ofSeconds(5);
    targets.agentAnswerTimeout = Duration.ofSeconds(30);
    return targets;
  }

  private static org.eclipse.microprofile.config.Config config(String key, String value) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(Map.of(key, value), "test", 500))
        .build();
  }
}
