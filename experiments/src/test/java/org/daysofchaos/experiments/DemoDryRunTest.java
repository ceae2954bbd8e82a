package org.daysofchaos.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.daysofchaos.core.scenario.DryRun;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** The dry run the {@code validate} command prints, on a real demo scenario. */
class DemoDryRunTest {

  @Test
  void dryRunOfPaymentLatencySaysWhatWouldBeInjectedWhereAndForHowLong() {
    ReadResult result =
        new ScenarioReader(Catalog.standard())
            .read(Path.of("..", "scenarios", "demo", "payment-latency.yaml"));

    assertThat(result.problems()).isEmpty();
    assertThat(DryRun.describe(result.scenarios().get(0)))
        .isEqualTo(
            """
            demo/payment-latency: Payments are slow (weight 6, time-boxed)
              inject network/latency on payment-link (proxy payment): latency 800ms ±100ms (downstream) for 30s (max 5m)
              steady state, all must hold:
                - metric/threshold: booking_request_seconds{quantile="0.99"} < 0.5
              detected when any holds:
                - metric/threshold: booking_request_seconds{quantile="0.99"} > 0.5
              detected when Alertmanager sends any of the alerts: BookingLatencyHigh
              recovered when the steady state holds for 5s, at most 1m after the fault ends
              answer key: component payment, fault latency
              hints: after 2m, after 5m
              aborted (faults reverted) when a guardrail fails:
                - bookings keep working: metric/threshold: booking_error_ratio < 0.5, for 10s
            """);
  }
}
