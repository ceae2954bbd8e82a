package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daysofchaos.agents.kubernetes.Cluster.CONTEXT;
import static org.daysofchaos.agents.kubernetes.Cluster.SHOP;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.PodKill;
import org.daysofchaos.experiments.kubernetes.PodSelection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PodKillTest extends MockClusterFixture {
  @Override
  Random random() {
    return new Random(7);
  }

  private PodKillInjector injector;
  private final Target checkout =
      new Target("checkout", KubernetesTarget.deployment(SHOP, "checkout"));
  private final Target checkoutPods =
      new Target("checkout-pods", KubernetesTarget.pods(SHOP, Map.of("app", "checkout")));

  @BeforeEach
  void setUp() {
    cluster.deployment(SHOP, "checkout", 4);
    cluster.deployment(SHOP, "cart", 2);
    injector = new PodKillInjector(kubernetes);
  }

  private static PodKill kill(PodSelection mode, Integer count, Integer percent, int maxPods) {
    return new PodKill("checkout", maxPods, mode, count, percent, Optional.empty());
  }

  private List<String> checkoutPods() {
    return cluster.podNames(SHOP).stream().filter(p -> p.startsWith("checkout")).toList();
  }

  @Test
  void killsOneRunningPodOfTheSelector() {
    Injection injection =
        injector.inject(kill(PodSelection.ONE, null, null, 1), checkoutPods, CONTEXT);

    assertThat(checkoutPods()).hasSize(3);
    String killed = injection.revertRecord().data().get("pods");
    assertThat(killed).matches("checkout-[0-3]");
    assertThat(checkoutPods()).doesNotContain(killed);
    assertThat(cluster.podNames(SHOP)).contains("cart-0", "cart-1");
  }

  @Test
  void killsAllPodsOfADeploymentThroughItsSelector() {
    injector.inject(kill(PodSelection.ALL, null, null, 4), checkout, CONTEXT);

    assertThat(checkoutPods()).isEmpty();
    assertThat(cluster.podNames(SHOP)).containsExactly("cart-0", "cart-1");
  }

  @Test
  void killsAFixedCountOfPods() {
    injector.inject(kill(PodSelection.COUNT, 3, null, 3), checkout, CONTEXT);

    assertThat(checkoutPods()).hasSize(1);
  }

  @Test
  void killsAPercentageOfThePodsRoundedUp() {
    injector.inject(kill(PodSelection.PERCENT, null, 30, 2), checkout, CONTEXT);

    assertThat(checkoutPods()).hasSize(2);
  }

  @Test
  void givesThePodsTheGracePeriodAsked() {
    cluster.forgetCalls();

    injector.inject(
        new PodKill(
            "checkout", 1, PodSelection.ONE, null, null, Optional.of(Duration.ofSeconds(5))),
        checkout,
        CONTEXT);

    List<RecordedRequest> deletes =
        cluster.requests().stream().filter(r -> r.getMethod().equals("DELETE")).toList();
    assertThat(deletes).hasSize(1);
    assertThat(deletes.get(0).getUtf8Body()).contains("\"gracePeriodSeconds\":5");
  }

  @Test
  void killsOnlyRunningPodsThatAreNotAlreadyGoing() {
    client
        .pods()
        .inNamespace(SHOP)
        .withName("checkout-0")
        .editStatus(
            p -> {
              p.getStatus().setPhase("Pending");
              return p;
            });

    injector.inject(kill(PodSelection.ALL, null, null, 3), checkout, CONTEXT);

    assertThat(checkoutPods()).containsExactly("checkout-0");
  }

  @Test
  void refusesASelectionAboveMaxPodsBeforeKillingAnything() {
    cluster.forgetCalls();

    assertThatThrownBy(
            () -> injector.inject(kill(PodSelection.ALL, null, null, 3), checkout, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target checkout: kubernetes/pod-kill would kill 4 pods, more than its maxPods of 3"
                + " (the blast radius the scenario allows)");
    assertThat(cluster.calls()).allMatch(call -> call.startsWith("GET "));
    assertThat(checkoutPods()).hasSize(4);
  }

  @Test
  void failsWhenNoPodRuns() {
    Target nothing = new Target("none", KubernetesTarget.pods(SHOP, Map.of("app", "none")));

    assertThatThrownBy(
            () -> injector.inject(kill(PodSelection.ONE, null, null, 1), nothing, CONTEXT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("target none: no running pods match pods app=none in namespace shop");
  }

  @Test
  void leavesNothingToRevertAndSaysWhichPodsWereKilled() throws Exception {
    Injection injection = injector.inject(kill(PodSelection.COUNT, 2, null, 2), checkout, CONTEXT);
    cluster.forgetCalls();

    injection.revert();

    assertThat(cluster.calls()).isEmpty();
    assertThat(injection.residue()).isEmpty();
    assertThat(injection.revertRecord().data())
        .containsEntry("kubernetes", "kubernetes/pod-kill")
        .containsEntry("namespace", SHOP)
        .containsKey("pods");
  }
}
