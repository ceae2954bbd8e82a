package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daysofchaos.agents.kubernetes.Cluster.CONTEXT;
import static org.daysofchaos.agents.kubernetes.Cluster.SHOP;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.Partition;
import org.daysofchaos.experiments.kubernetes.Traffic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PartitionTest extends MockClusterFixture {
  private PartitionInjector injector;
  private final Target checkout =
      new Target("checkout", KubernetesTarget.deployment(SHOP, "checkout"));

  @BeforeEach
  void setUp() {
    cluster.deployment(SHOP, "checkout", 2);
    injector = new PartitionInjector(kubernetes);
  }

  private List<NetworkPolicy> policies() {
    return client.network().v1().networkPolicies().inNamespace(SHOP).list().getItems();
  }

  @ParameterizedTest
  @EnumSource(Traffic.class)
  void isolatesTheWorkloadsPodsWithADenyAllPolicy(Traffic direction) {
    injector.inject(new Partition("checkout", direction, 2), checkout, CONTEXT);

    assertThat(policies()).hasSize(1);
    NetworkPolicy policy = policies().get(0);
    assertThat(policy.getMetadata().getName()).isEqualTo("daysofchaos-run1-0");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(Map.of("app", "checkout"));
    assertThat(policy.getSpec().getPolicyTypes())
        .containsExactlyElementsOf(
            switch (direction) {
              case INGRESS -> List.of("Ingress");
              case EGRESS -> List.of("Egress");
              case BOTH -> List.of("Ingress", "Egress");
            });
    assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
    assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
    assertThat(policy.getMetadata().getAnnotations())
        .containsEntry(Annotations.INJECTION, "run1-0")
        .containsEntry(Annotations.RUN, "run1")
        .containsEntry(Annotations.EXPIRES_AT, "2026-11-21T10:10:00Z")
        .containsEntry(Annotations.FAULT, "kubernetes/partition");
    assertThat(policy.getMetadata().getLabels()).containsEntry(Annotations.INJECTED, "true");
  }

  @Test
  void isolatesPodsBySelector() {
    Target pods = new Target("pods", KubernetesTarget.pods(SHOP, Map.of("app", "checkout")));

    injector.inject(new Partition("pods", Traffic.INGRESS, 2), pods, CONTEXT);

    assertThat(policies().get(0).getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(Map.of("app", "checkout"));
  }

  @Test
  void theRevertDeletesThePolicyAndOnlyIt() throws Exception {
    client
        .network()
        .v1()
        .networkPolicies()
        .inNamespace(SHOP)
        .resource(
            new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder()
                .withNewMetadata()
                .withName("allow-dns")
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .endPodSelector()
                .endSpec()
                .build())
        .create();
    Injection injection =
        injector.inject(new Partition("checkout", Traffic.BOTH, 2), checkout, CONTEXT);
    assertThat(injection.residue())
        .contains("networkpolicy daysofchaos-run1-0 in namespace shop still exists");

    injection.revert();
    injection.revert();

    assertThat(policies()).extracting(p -> p.getMetadata().getName()).containsExactly("allow-dns");
    assertThat(injection.residue()).isEmpty();
  }

  @Test
  void refusesToIsolateMorePodsThanMaxPodsBeforeCreatingAnything() {
    cluster.forgetCalls();

    assertThatThrownBy(
            () -> injector.inject(new Partition("checkout", Traffic.BOTH, 1), checkout, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target checkout: kubernetes/partition would isolate 2 pods, more than its maxPods of"
                + " 1 (the blast radius the scenario allows)");
    assertThat(cluster.calls()).allMatch(call -> call.startsWith("GET "));
    assertThat(policies()).isEmpty();
  }

  @Test
  void namesThePolicyAfterTheInjection() {
    assertThat(PartitionInjector.policyName("Run_1-0")).isEqualTo("daysofchaos-run-1-0");
    assertThat(PartitionInjector.policyName("abc-")).isEqualTo("daysofchaos-abc");
  }
}
