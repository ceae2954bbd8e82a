package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daysofchaos.agents.kubernetes.Cluster.CONTEXT;
import static org.daysofchaos.agents.kubernetes.Cluster.OTHER;
import static org.daysofchaos.agents.kubernetes.Cluster.SHOP;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.kubernetes.BadRollout;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BadRolloutTest extends MockClusterFixture {
  private static final String BEFORE = "registry.example/checkout:1.0";

  private BadRolloutInjector injector;
  private final Target checkout =
      new Target("checkout", KubernetesTarget.deployment(SHOP, "checkout"));

  @BeforeEach
  void setUp() {
    cluster.deployment(SHOP, "checkout", 2);
    injector = new BadRolloutInjector(kubernetes);
  }

  private static BadRollout rollout(int maxPods) {
    return new BadRollout("checkout", BadRollout.UNPULLABLE, Optional.empty(), maxPods);
  }

  private String image(String ns) {
    Deployment now = cluster.deploymentNow(ns, "checkout");
    return now.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  @Test
  void setsTheImageAndMarksTheWorkloadWithTheContainerAndItsImageBefore() {
    injector.inject(rollout(2), checkout, CONTEXT);

    assertThat(image(SHOP)).isEqualTo(BadRollout.UNPULLABLE);
    Deployment now = cluster.deploymentNow(SHOP, "checkout");
    assertThat(now.getMetadata().getAnnotations())
        .containsEntry(Annotations.INJECTION, "run1-0")
        .containsEntry(Annotations.FAULT, "kubernetes/bad-rollout")
        .containsEntry(Annotations.EXPIRES_AT, "2026-11-21T10:10:00Z")
        .containsEntry(BadRolloutInjector.IMAGE_CONTAINER, "app")
        .containsEntry(BadRolloutInjector.ORIGINAL_IMAGE, BEFORE);
    assertThat(now.getMetadata().getLabels()).containsEntry(Annotations.INJECTED, "true");
  }

  @Test
  void revertsToTheExactPreviousImage() throws Exception {
    Injection injection = injector.inject(rollout(2), checkout, CONTEXT);
    assertThat(injection.residue()).isPresent();

    injection.revert();

    assertThat(image(SHOP)).isEqualTo(BEFORE);
    assertThat(cluster.deploymentNow(SHOP, "checkout").getMetadata().getAnnotations())
        .containsOnlyKeys("owner");
    assertThat(cluster.deploymentNow(SHOP, "checkout").getMetadata().getLabels())
        .doesNotContainKey(Annotations.INJECTED);
    assertThat(injection.residue()).isEmpty();
  }

  @Test
  void refusesANamespaceWithoutTheOptInLabelBeforeAnyChange() {
    cluster.deployment(OTHER, "checkout", 2);
    Target prod = new Target("prod", KubernetesTarget.deployment(OTHER, "checkout"));
    cluster.forgetCalls();

    assertThatThrownBy(() -> injector.inject(rollout(2), prod, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessageStartingWith(
            "target prod: namespace prod does not carry the label"
                + " daysofchaos.org/allow-chaos=true");
    assertThat(cluster.calls()).containsExactly("GET /api/v1/namespaces/prod");
    assertThat(image(OTHER)).isEqualTo(BEFORE);
  }

  @Test
  void refusesToReplaceMorePodsThanMaxPods() {
    assertThatThrownBy(() -> injector.inject(rollout(1), checkout, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target checkout: kubernetes/bad-rollout would replace 2 pods, more than its maxPods"
                + " of 1 (the blast radius the scenario allows)");
    assertThat(image(SHOP)).isEqualTo(BEFORE);
  }

  @Test
  void revertsFromTheLedgerRecordAloneAndFromTheAnnotationsAlone() throws Exception {
    RevertRecord record = injector.inject(rollout(2), checkout, CONTEXT).revertRecord();
    assertThat(record.backend()).isEqualTo(KubernetesReverter.BACKEND);
    assertThat(record.data())
        .containsEntry("kubernetes", "kubernetes/bad-rollout")
        .containsEntry("originalImage", BEFORE);

    new KubernetesReverter(client).revert(record);

    assertThat(image(SHOP)).isEqualTo(BEFORE);
    injector.inject(
        rollout(2),
        checkout,
        new org.daysofchaos.core.spi.InjectionContext("run2", "run2-0", Cluster.NOW));
    assertThat(
            new KubernetesCleanup(client, Clock.fixed(Cluster.NOW, ZoneOffset.UTC)).revertExpired())
        .containsExactly(
            "reverted deployment checkout in namespace shop: kubernetes/bad-rollout, injection"
                + " run2-0 of run run2, expired at 2026-11-21T10:00:00Z");
    assertThat(image(SHOP)).isEqualTo(BEFORE);
    assertThat(cluster.deploymentNow(SHOP, "checkout").getMetadata().getAnnotations())
        .containsOnlyKeys("owner");
  }
}
