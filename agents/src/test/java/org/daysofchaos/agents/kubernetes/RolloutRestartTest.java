package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daysofchaos.agents.kubernetes.Cluster.CONTEXT;
import static org.daysofchaos.agents.kubernetes.Cluster.SHOP;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.RolloutRestart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RolloutRestartTest extends MockClusterFixture {
  private RolloutRestartInjector injector;
  private final Target checkout =
      new Target("checkout", KubernetesTarget.deployment(SHOP, "checkout"));

  @BeforeEach
  void setUp() {
    cluster.deployment(SHOP, "checkout", 3);
    injector = new RolloutRestartInjector(kubernetes);
  }

  @Test
  void stampsThePodTemplateAsKubectlRolloutRestartDoes() {
    injector.inject(new RolloutRestart("checkout", 3), checkout, CONTEXT);

    Deployment now = cluster.deploymentNow(SHOP, "checkout");
    assertThat(now.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("kubectl.kubernetes.io/restartedAt", "2026-11-21T10:00:00Z");
    assertThat(now.getMetadata().getAnnotations())
        .containsEntry(Annotations.INJECTION, "run1-0")
        .containsEntry(Annotations.FAULT, "kubernetes/rollout-restart")
        .containsEntry(Annotations.EXPIRES_AT, "2026-11-21T10:10:00Z");
  }

  @Test
  void theRevertRemovesOurMarksWithoutAnotherRollout() throws Exception {
    Injection injection = injector.inject(new RolloutRestart("checkout", 3), checkout, CONTEXT);
    Deployment restarted = cluster.deploymentNow(SHOP, "checkout");

    injection.revert();

    Deployment now = cluster.deploymentNow(SHOP, "checkout");
    assertThat(now.getSpec().getTemplate()).isEqualTo(restarted.getSpec().getTemplate());
    assertThat(now.getMetadata().getAnnotations()).containsOnlyKeys("owner");
    assertThat(injection.residue()).isEmpty();
  }

  @Test
  void refusesAWorkloadWithMoreReplicasThanMaxPodsBeforeAnyChange() {
    cluster.forgetCalls();

    assertThatThrownBy(() -> injector.inject(new RolloutRestart("checkout", 2), checkout, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target checkout: kubernetes/rollout-restart would replace 3 pods, more than its"
                + " maxPods of 2 (the blast radius the scenario allows)");
    assertThat(cluster.calls()).allMatch(call -> call.startsWith("GET "));
  }
}
