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
import org.daysofchaos.experiments.kubernetes.Scale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScaleTest extends MockClusterFixture {
  private ScaleInjector injector;
  private final Target checkout =
      new Target("checkout", KubernetesTarget.deployment(SHOP, "checkout"));

  @BeforeEach
  void setUp() {
    cluster.deployment(SHOP, "checkout", 3);
    injector = new ScaleInjector(kubernetes);
  }

  @Test
  void scalesDownAndMarksTheWorkloadWithTheInjectionItsExpiryAndTheOriginalCount() {
    injector.inject(new Scale("checkout", 1, 2), checkout, CONTEXT);

    Deployment now = cluster.deploymentNow(SHOP, "checkout");
    assertThat(now.getSpec().getReplicas()).isEqualTo(1);
    assertThat(now.getMetadata().getAnnotations())
        .containsEntry(Annotations.INJECTION, "run1-0")
        .containsEntry(Annotations.RUN, "run1")
        .containsEntry(Annotations.EXPIRES_AT, "2026-11-21T10:10:00Z")
        .containsEntry(Annotations.FAULT, "kubernetes/scale")
        .containsEntry(Annotations.ORIGINAL_REPLICAS, "3")
        .containsEntry("owner", "team-checkout");
    assertThat(now.getMetadata().getLabels()).containsEntry(Annotations.INJECTED, "true");
  }

  @Test
  void restoresTheOriginalReplicaCountOnRevert() throws Exception {
    Injection injection = injector.inject(new Scale("checkout", 0, 3), checkout, CONTEXT);
    assertThat(injection.residue()).isPresent();

    injection.revert();

    Deployment now = cluster.deploymentNow(SHOP, "checkout");
    assertThat(now.getSpec().getReplicas()).isEqualTo(3);
    assertThat(now.getMetadata().getAnnotations())
        .containsOnlyKeys("owner")
        .doesNotContainKey(Annotations.INJECTION);
    assertThat(now.getMetadata().getLabels()).doesNotContainKey(Annotations.INJECTED);
    assertThat(injection.residue()).isEmpty();
  }

  @Test
  void revertingTwiceIsHarmless() throws Exception {
    Injection injection = injector.inject(new Scale("checkout", 0, 3), checkout, CONTEXT);
    injection.revert();
    cluster.forgetCalls();

    injection.revert();

    assertThat(cluster.calls()).allMatch(call -> call.startsWith("GET "));
    assertThat(cluster.deploymentNow(SHOP, "checkout").getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void theLedgerRecordCarriesWhatARevertNeeds() {
    Injection injection = injector.inject(new Scale("checkout", 1, 2), checkout, CONTEXT);

    assertThat(injection.revertRecord().data())
        .containsEntry("kubernetes", "kubernetes/scale")
        .containsEntry("cluster", KubernetesClients.cluster(client))
        .containsEntry("resource", "deployment")
        .containsEntry("namespace", SHOP)
        .containsEntry("name", "checkout")
        .containsEntry("injection", "run1-0")
        .containsEntry("run", "run1")
        .containsEntry("expiresAt", "2026-11-21T10:10:00Z")
        .containsEntry("originalReplicas", "3");
  }

  @Test
  void scalesAStatefulSetToo() throws Exception {
    cluster.statefulSet(SHOP, "db", 2);
    Target db = new Target("db", KubernetesTarget.statefulSet(SHOP, "db"));

    Injection injection = injector.inject(new Scale("db", 0, 2), db, CONTEXT);
    assertThat(
            client
                .apps()
                .statefulSets()
                .inNamespace(SHOP)
                .withName("db")
                .get()
                .getSpec()
                .getReplicas())
        .isZero();
    injection.revert();

    assertThat(
            client
                .apps()
                .statefulSets()
                .inNamespace(SHOP)
                .withName("db")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(2);
  }

  @Test
  void refusesToRemoveMorePodsThanMaxPodsBeforeAnyChange() {
    cluster.forgetCalls();

    assertThatThrownBy(() -> injector.inject(new Scale("checkout", 0, 2), checkout, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target checkout: kubernetes/scale would remove 3 pods, more than its maxPods of 2 (the"
                + " blast radius the scenario allows)");
    assertThat(cluster.calls()).allMatch(call -> call.startsWith("GET "));
    assertThat(cluster.deploymentNow(SHOP, "checkout").getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void refusesAScaleThatWouldNotScaleDown() {
    assertThatThrownBy(() -> injector.inject(new Scale("checkout", 3, 5), checkout, CONTEXT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "target checkout: deployment checkout in namespace shop has 3 replicas; scaling it to"
                + " 3 would not scale it down");
  }

  @Test
  void refusesAWorkloadThatAlreadyCarriesAnInjection() {
    injector.inject(new Scale("checkout", 2, 1), checkout, CONTEXT);

    assertThatThrownBy(
            () ->
                injector.inject(
                    new Scale("checkout", 0, 3),
                    checkout,
                    new org.daysofchaos.core.spi.InjectionContext(
                        "run2", "run2-0", Cluster.NOW.plusSeconds(60))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already carries injection run1-0");
    assertThat(cluster.deploymentNow(SHOP, "checkout").getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void aRevertLeavesAloneAWorkloadThatCarriesAnotherInjection() throws Exception {
    Injection injection = injector.inject(new Scale("checkout", 2, 1), checkout, CONTEXT);
    injection.revert();
    Injection second =
        injector.inject(
            new Scale("checkout", 1, 2),
            checkout,
            new org.daysofchaos.core.spi.InjectionContext(
                "run2", "run2-0", Cluster.NOW.plusSeconds(60)));

    injection.revert();

    assertThat(cluster.deploymentNow(SHOP, "checkout").getSpec().getReplicas()).isEqualTo(1);
    second.revert();
    assertThat(cluster.deploymentNow(SHOP, "checkout").getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void refusesAMissingWorkload() {
    Target missing = new Target("cart", KubernetesTarget.deployment(SHOP, "cart"));

    assertThatThrownBy(() -> injector.inject(new Scale("cart", 0, 1), missing, CONTEXT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("target cart: there is no deployment cart in namespace shop");
  }
}
