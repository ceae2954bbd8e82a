package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daysofchaos.agents.kubernetes.Cluster.CONTEXT;
import static org.daysofchaos.agents.kubernetes.Cluster.OTHER;
import static org.daysofchaos.agents.kubernetes.Cluster.SHOP;

import io.fabric8.kubernetes.api.model.Node;
import java.util.Map;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.NodeCordon;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NodeCordonTest extends MockClusterFixture {
  private NodeCordonInjector injector;
  private final Target worker = new Target("worker", KubernetesTarget.node("worker-1"));

  @BeforeEach
  void setUp() {
    cluster.deployment(SHOP, "checkout", 2);
    cluster.deployment(OTHER, "billing", 1);
    cluster.pod(SHOP, "elsewhere", Map.of("app", "x"), "worker-2", true);
    injector = new NodeCordonInjector(kubernetes);
  }

  @Test
  void cordonsTheNodeAndMarksIt() {
    injector.inject(new NodeCordon("worker", false, null), worker, CONTEXT);

    Node node = cluster.nodeNow("worker-1");
    assertThat(node.getSpec().getUnschedulable()).isTrue();
    assertThat(node.getMetadata().getAnnotations())
        .containsEntry(Annotations.INJECTION, "run1-0")
        .containsEntry(Annotations.FAULT, "kubernetes/node-cordon")
        .containsEntry(Annotations.ORIGINAL_UNSCHEDULABLE, "false")
        .containsEntry(Annotations.EXPIRES_AT, "2026-11-21T10:10:00Z");
    assertThat(node.getMetadata().getLabels()).containsEntry(Annotations.INJECTED, "true");
  }

  @Test
  void theRevertMakesTheNodeSchedulableAgain() throws Exception {
    Injection injection = injector.inject(new NodeCordon("worker", false, null), worker, CONTEXT);
    assertThat(injection.residue()).isPresent();

    injection.revert();

    Node node = cluster.nodeNow("worker-1");
    assertThat(node.getSpec().getUnschedulable()).isNotEqualTo(Boolean.TRUE);
    assertThat(node.getMetadata().getAnnotations()).doesNotContainKey(Annotations.INJECTION);
    assertThat(node.getMetadata().getLabels())
        .doesNotContainKey(Annotations.INJECTED)
        .containsEntry(Annotations.ALLOW_CHAOS, "true");
    assertThat(injection.residue()).isEmpty();
  }

  @Test
  void aNodeWithoutASpecIsCordonedAndPutBack() throws Exception {
    client
        .nodes()
        .resource(
            new io.fabric8.kubernetes.api.model.NodeBuilder()
                .withNewMetadata()
                .withName("bare")
                .addToLabels(Annotations.ALLOW_CHAOS, "true")
                .endMetadata()
                .build())
        .create();
    Target bare = new Target("bare", KubernetesTarget.node("bare"));

    Injection injection = injector.inject(new NodeCordon("bare", false, null), bare, CONTEXT);
    assertThat(cluster.nodeNow("bare").getSpec().getUnschedulable()).isTrue();
    assertThat(injector.inspect(bare)).startsWith("cordoned");

    injection.revert();
    assertThat(injection.residue()).isEmpty();
    assertThat(cluster.nodeNow("bare").getSpec().getUnschedulable()).isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void refusesANodeSomeoneElseCordoned() {
    client
        .nodes()
        .withName("worker-1")
        .edit(
            n -> {
              n.getSpec().setUnschedulable(true);
              return n;
            });

    assertThatThrownBy(
            () -> injector.inject(new NodeCordon("worker", false, null), worker, CONTEXT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "target worker: node worker-1 is already cordoned by someone else; not touching it");
  }

  @Test
  void aDrainEvictsThePodsOfOptedInNamespacesOnly() {
    server
        .expect()
        .post()
        .withPath("/api/v1/namespaces/shop/pods/checkout-0/eviction")
        .andReturn(201, "{}")
        .always();
    server
        .expect()
        .post()
        .withPath("/api/v1/namespaces/shop/pods/checkout-1/eviction")
        .andReturn(201, "{}")
        .always();
    cluster.forgetCalls();

    injector.inject(new NodeCordon("worker", true, 2), worker, CONTEXT);

    assertThat(cluster.calls())
        .filteredOn(call -> call.startsWith("POST"))
        .containsExactly(
            "POST /api/v1/namespaces/shop/pods/checkout-0/eviction",
            "POST /api/v1/namespaces/shop/pods/checkout-1/eviction");
    assertThat(cluster.nodeNow("worker-1").getSpec().getUnschedulable()).isTrue();
  }

  @Test
  void aDrainLeavesDaemonSetAndMirrorPods() {
    client
        .pods()
        .inNamespace(SHOP)
        .withName("checkout-0")
        .edit(
            p -> {
              p.getMetadata()
                  .setOwnerReferences(
                      java.util.List.of(
                          new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder()
                              .withKind("DaemonSet")
                              .withName("log-agent")
                              .withApiVersion("apps/v1")
                              .withUid("1")
                              .build()));
              return p;
            });
    client
        .pods()
        .inNamespace(SHOP)
        .withName("checkout-1")
        .edit(
            p -> {
              p.getMetadata().setAnnotations(Map.of("kubernetes.io/config.mirror", "abc"));
              return p;
            });
    cluster.forgetCalls();

    injector.inject(new NodeCordon("worker", true, 1), worker, CONTEXT);

    assertThat(cluster.calls()).noneMatch(call -> call.endsWith("/eviction"));
  }

  @Test
  void refusesADrainAboveMaxPodsBeforeCordoning() {
    cluster.forgetCalls();

    assertThatThrownBy(() -> injector.inject(new NodeCordon("worker", true, 1), worker, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target worker: kubernetes/node-cordon would evict 2 pods, more than its maxPods of 1"
                + " (the blast radius the scenario allows)");
    assertThat(cluster.calls()).allMatch(call -> call.startsWith("GET "));
    assertThat(cluster.nodeNow("worker-1").getSpec().getUnschedulable()).isNull();
  }
}
