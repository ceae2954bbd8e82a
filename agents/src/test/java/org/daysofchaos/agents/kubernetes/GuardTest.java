package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daysofchaos.agents.kubernetes.Cluster.CONTEXT;
import static org.daysofchaos.agents.kubernetes.Cluster.OTHER;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.faults.ProcessPause;
import org.daysofchaos.experiments.kubernetes.ConfigChange;
import org.daysofchaos.experiments.kubernetes.EnvChange;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.NodeCordon;
import org.daysofchaos.experiments.kubernetes.Partition;
import org.daysofchaos.experiments.kubernetes.PodKill;
import org.daysofchaos.experiments.kubernetes.PodSelection;
import org.daysofchaos.experiments.kubernetes.RolloutRestart;
import org.daysofchaos.experiments.kubernetes.Scale;
import org.daysofchaos.experiments.kubernetes.Traffic;
import org.daysofchaos.experiments.targets.ProxyTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pre-production guard: a namespace or a node that has not opted in is refused before any call
 * that changes anything, with a message that names the target, the namespace and the rule.
 */
class GuardTest extends MockClusterFixture {

  @BeforeEach
  void setUp() {
    cluster.deployment(OTHER, "checkout", 2);
    cluster.configMap(OTHER, "checkout-config", Map.of("mode", "fast"));
  }

  static Stream<Arguments> faultsInANamespaceThatDidNotOptIn() {
    KubernetesTarget deployment = KubernetesTarget.deployment(OTHER, "checkout");
    KubernetesTarget pods = KubernetesTarget.pods(OTHER, Map.of("app", "checkout"));
    return Stream.of(
        Arguments.of(
            new PodKill("t", 5, PodSelection.ALL, null, null, Optional.empty()), deployment),
        Arguments.of(new PodKill("t", 5, PodSelection.ONE, null, null, Optional.empty()), pods),
        Arguments.of(new Scale("t", 0, 5), deployment),
        Arguments.of(new RolloutRestart("t", 5), deployment),
        Arguments.of(new Partition("t", Traffic.BOTH, 5), pods),
        Arguments.of(
            new ConfigChange("t", "mode", "slow"),
            KubernetesTarget.configMap(OTHER, "checkout-config")),
        Arguments.of(new EnvChange("t", "LOG_LEVEL", "trace", Optional.empty(), 5), deployment));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faultsInANamespaceThatDidNotOptIn")
  void refusesANamespaceWithoutTheOptInLabelBeforeAnyCall(FaultSpec fault, KubernetesTarget where) {
    Target target = new Target("t", where);
    cluster.forgetCalls();

    assertThatThrownBy(() -> inject(fault, target, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target t: namespace prod does not carry the label daysofchaos.org/allow-chaos=true;"
                + " only namespaces that opt in can be targeted (kubectl label namespace prod"
                + " daysofchaos.org/allow-chaos=true)");
    assertThat(cluster.calls()).containsExactly("GET /api/v1/namespaces/prod");
    assertThat(cluster.deploymentNow(OTHER, "checkout").getMetadata().getAnnotations())
        .containsOnlyKeys("owner");
    assertThat(cluster.podNames(OTHER)).hasSize(2);
  }

  @Test
  void refusesANamespaceThatDoesNotExist() {
    Target target = new Target("t", KubernetesTarget.deployment("staging", "checkout"));

    assertThatThrownBy(() -> inject(new Scale("t", 0, 5), target, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target t: namespace staging does not exist (only namespaces labelled"
                + " daysofchaos.org/allow-chaos=true can be targeted)");
  }

  @Test
  void refusesANamespaceWhoseLabelIsNotTrue() {
    cluster.namespace("qa", false);
    client
        .namespaces()
        .withName("qa")
        .edit(
            n -> {
              n.getMetadata().setLabels(Map.of(Annotations.ALLOW_CHAOS, "false"));
              return n;
            });
    cluster.deployment("qa", "checkout", 1);
    Target target = new Target("t", KubernetesTarget.deployment("qa", "checkout"));

    assertThatThrownBy(() -> inject(new Scale("t", 0, 5), target, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessageContaining(
            "namespace qa does not carry the label daysofchaos.org/allow-chaos=true");
  }

  @Test
  void refusesANodeWithoutTheOptInLabelBeforeAnyCall() {
    Target control = new Target("control", KubernetesTarget.node("control"));
    cluster.forgetCalls();

    assertThatThrownBy(() -> inject(new NodeCordon("control", false, null), control, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target control: node control does not carry the label"
                + " daysofchaos.org/allow-chaos=true; only nodes that opt in can be targeted"
                + " (kubectl label node control daysofchaos.org/allow-chaos=true)");
    assertThat(cluster.calls()).containsExactly("GET /api/v1/nodes/control");
    assertThat(cluster.nodeNow("control").getSpec().getUnschedulable()).isNull();
  }

  @Test
  void refusesANodeThatDoesNotExist() {
    Target ghost = new Target("ghost", KubernetesTarget.node("worker-9"));

    assertThatThrownBy(() -> inject(new NodeCordon("ghost", false, null), ghost, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage("target ghost: node worker-9 does not exist");
  }

  @Test
  void refusesATargetThatIsNotKubernetes() {
    Target proxy = new Target("db", new ProxyTarget("db"));

    assertThatThrownBy(() -> inject(new Scale("db", 0, 1), proxy, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage("target db (proxy db) is not a kubernetes target");
  }

  @Test
  void refusesAKindThatCannotActOnTheTarget() {
    Target node = new Target("n", KubernetesTarget.node("worker-1"));

    assertThatThrownBy(() -> inject(new Scale("n", 0, 1), node, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage("target n: kubernetes/scale cannot act on node worker-1");
    assertThatThrownBy(() -> inject(new ProcessPause("n"), node, CONTEXT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no injector is configured for process/pause");
  }
}
