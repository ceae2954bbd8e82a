package org.daysofchaos.scoreboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
}
