package org.daysofchaos.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.daysofchaos.core.Scenario;
import org.junit.jupiter.api.Test;

class DryRunTest {
  private static final ScenarioReader READER = new ScenarioReader(TestKinds.catalog());

  private static Scenario read(String yaml) {
    ReadResult result = READER.read("s.yaml", yaml);
    assertThat(result.problems()).isEmpty();
    return result.scenarios().get(0);
  }

  @Test
  void describesFaultsOnTargetsWithTimingProbesRecoveryAnswerKeyAndHints() throws Exception {
    ReadResult result =
        READER.read(Path.of(DryRunTest.class.getResource("/scenario/valid.yaml").toURI()));

    assertThat(DryRun.describe(result.scenarios().get(0)))
        .isEqualTo(
            """
            test/every-key: Every key (weight 7, time-boxed)
              inject net/delay on link (proxy payment on server preprod-1): delay 800ms for 30s (max 5m)
              inject proc/stop on worker (process inventory): stop 3 times for 30s (max 5m)
              steady state, all must hold:
                - gauge/level: errors < 0.05
              detected when any holds:
                - gauge/level: errors > 0.5
                - web/ok: GET http://localhost/health
              detected when Alertmanager sends any of the alerts: PaymentLatencyHigh, payment_errors_5xx
              recovered when the steady state holds for 5s, at most 1m after the fault ends
              answer key: component payment, fault latency
              hints: after 2m, after 5m
            """);
  }

  @Test
  void saysHowLongTheFaultLastsInEachMode() {
    String base =
        """
        id: t/x
        title: X
        targets: { link: { proxy: p } }
        faults: [{ kind: net/delay, target: link, delay: 1s }]
        steadyState: [{ kind: gauge/level, query: q, below: 1 }]
        """;

    assertThat(DryRun.describe(read(base + "maxDuration: 5m\n")))
        .contains("inject net/delay on link (proxy p): delay 1s for 5m (maxDuration)\n")
        .contains("detected only by the teams' claims (no monitoring signal)\n")
        .doesNotContain("answer key")
        .doesNotContain("hints");
    assertThat(DryRun.describe(read(base + "detection: { alerts: [QueueStuck] }\n")))
        .contains("detected when Alertmanager sends any of the alerts: QueueStuck\n")
        .doesNotContain("detected only by the teams' claims")
        .doesNotContain("detected when any holds");
    assertThat(DryRun.describe(read(base + "mode: until-fixed\n")))
        .contains("delay 1s until fixed (max 20m)\n");
    Scenario a = read(base);
    Scenario b = read(base.replace("t/x", "t/y"));
    assertThat(DryRun.describe(List.of(a, b)))
        .isEqualTo(DryRun.describe(a) + "\n" + DryRun.describe(b));
  }
}
