package org.daysofchaos.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.daysofchaos.core.scenario.DryRun;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.experiments.kubernetes.PodKill;
import org.daysofchaos.experiments.kubernetes.PodSelection;
import org.junit.jupiter.api.Test;

/** The Kubernetes kinds: pod selection arithmetic and what a dry run says. */
class KubernetesKindsTest {

  private static PodKill kill(PodSelection mode, Integer count, Integer percent) {
    return new PodKill("t", 10, mode, count, percent, Optional.empty());
  }

  @Test
  void aPodKillSelectsOneAllACountOrAPercentageRoundedUp() {
    assertThat(kill(PodSelection.ONE, null, null).selectionSize(4)).isEqualTo(1);
    assertThat(kill(PodSelection.ONE, null, null).selectionSize(0)).isZero();
    assertThat(kill(PodSelection.ALL, null, null).selectionSize(4)).isEqualTo(4);
    assertThat(kill(PodSelection.COUNT, 3, null).selectionSize(4)).isEqualTo(3);
    assertThat(kill(PodSelection.COUNT, 3, null).selectionSize(2)).isEqualTo(2);
    assertThat(kill(PodSelection.PERCENT, null, 30).selectionSize(4)).isEqualTo(2);
    assertThat(kill(PodSelection.PERCENT, null, 50).selectionSize(4)).isEqualTo(2);
    assertThat(kill(PodSelection.PERCENT, null, 1).selectionSize(3)).isEqualTo(1);
  }

  @Test
  void describesEachPodKill() {
    assertThat(kill(PodSelection.COUNT, 2, null).describe()).isEqualTo("kill 2 pods (at most 10)");
    assertThat(
            new PodKill("t", 1, PodSelection.ONE, null, null, Optional.of(Duration.ZERO))
                .describe())
        .isEqualTo("kill one pod (at most 1), grace period 0s");
  }

  @Test
  void theDryRunOfAKubernetesScenarioSaysWhatWouldBeBrokenWhere() {
    ReadResult result =
        new ScenarioReader(Catalog.standard())
            .read(Path.of("..", "scenarios", "kubernetes", "env-change.yaml"));

    assertThat(result.problems()).isEmpty();
    assertThat(DryRun.describe(result.scenarios().get(0)))
        .isEqualTo(
            """
            kubernetes/env-change: Checkout calls the wrong payments URL (weight 7, until-fixed)
              inject kubernetes/env-change on checkout (kubernetes deployment checkout in namespace shop): set PAYMENTS_URL='http://payments-v2.shop.svc:8080' in container checkout (rolls out at most 3 pods) until fixed (max 20m)
              steady state, all must hold:
                - kubernetes/available-replicas: deployment checkout in shop has all its desired replicas available
                - metric/threshold: checkout_payments_error_ratio < 0.05
              detected when any holds:
                - metric/threshold: checkout_payments_error_ratio > 0.05
              recovered when the steady state holds for 30s, at most 5m after the fault ends
              answer key: component checkout, fault bad-configuration
              hints: after 5m
            """);
  }
}
