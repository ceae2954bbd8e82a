package org.daysofchaos.scoreboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.daysofchaos.core.journal.RecoveryTime;
import org.junit.jupiter.api.Test;

/** chaos_fault_active: one series per incident with faults in effect, labelled by its id only. */
class ChaosMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ChaosMetrics metrics = new ChaosMetrics(registry);

  @Test
  void countsAnIncidentsFaultsInEffectAndEndsItsSeriesWithTheLastOne() {
    metrics.faultActive("inc-0123456789ab");
    metrics.faultActive("inc-0123456789ab");
    metrics.faultActive("inc-ba9876543210");

    Gauge first = registry.find("chaos.fault.active").tag("incident", "inc-0123456789ab").gauge();
    assertThat(first.value()).isEqualTo(2);
    assertThat(first.getId().getTags())
        .as("no scenario, kind or target: nothing a player could read the answer from")
        .extracting(t -> t.getKey())
        .containsExactly("incident");

    metrics.faultEnded("inc-0123456789ab");
    assertThat(first.value()).isEqualTo(1);
    metrics.faultEnded("inc-0123456789ab");
    assertThat(registry.find("chaos.fault.active").tag("incident", "inc-0123456789ab").gauge())
        .isNull();
    assertThat(registry.find("chaos.fault.active").gauges()).hasSize(1);

    metrics.faultEnded("inc-never-seen");
    metrics.faultActive("inc-0123456789ab");
    assertThat(
            registry.find("chaos.fault.active").tag("incident", "inc-0123456789ab").gauge().value())
        .as("a second fault of the same incident starts a new series")
        .isEqualTo(1);
  }

  @Test
  void aFailedRevertKeepsTheFaultActiveAndSaysSoUntilALaterRevertRemovesIt() {
    metrics.faultActive("inc-0123456789ab");
    metrics.revertFailed("inc-0123456789ab");

    assertThat(registry.find("chaos.fault.active").tag("incident", "inc-0123456789ab").gauge())
        .as("the fault may still be in effect")
        .extracting(Gauge::value)
        .isEqualTo(1.0);
    assertThat(
            registry.find("chaos.fault.revert.failed").tag("incident", "inc-0123456789ab").gauge())
        .extracting(Gauge::value)
        .isEqualTo(1.0);

    metrics.revertedLater("inc-ba9876543210"); // not one of ours: nothing changes
    metrics.revertedLater("inc-0123456789ab"); // halt-all or crash recovery reverted it
    assertThat(registry.find("chaos.fault.active").gauges()).isEmpty();
    assertThat(registry.find("chaos.fault.revert.failed").gauges()).isEmpty();
  }

  @Test
  void serviceTimesAreHistogramsRecordedOnlyOnceTheIncidentIsOver() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ChaosMetrics exported = new ChaosMetrics(prometheus);
    Instant t = Instant.parse("2026-12-02T10:00:00Z");

    exported.serviceTimes(
        "payment",
        Optional.of(Duration.ofSeconds(42)),
        Optional.of(
            new RecoveryTime(
                RecoveryTime.Kind.TIME_TO_RESTORE,
                t,
                t.plusSeconds(90),
                Duration.ofSeconds(90),
                Duration.ofSeconds(1))));
    exported.incidentEnded("demo/payment-latency", "payment", "PASSED");

    String text = prometheus.scrape();
    assertThat(text)
        .contains("chaos_service_detection_time_seconds_bucket{service=\"payment\",le=")
        .contains(
            "chaos_service_recovery_time_seconds_bucket{measure=\"time_to_restore\","
                + "service=\"payment\",le=")
        .contains(
            "chaos_incidents_completed_total{scenario=\"demo/payment-latency\","
                + "service=\"payment\",verdict=\"PASSED\"} 1");
  }
}
