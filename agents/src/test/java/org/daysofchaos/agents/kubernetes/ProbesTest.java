package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daysofchaos.agents.kubernetes.Cluster.NOW;
import static org.daysofchaos.agents.kubernetes.Cluster.SHOP;

import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.experiments.kubernetes.AvailableReplicas;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.PodsReady;
import org.daysofchaos.experiments.kubernetes.Restarts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProbesTest extends MockClusterFixture {

  @BeforeEach
  void setUp() {
    cluster.deployment(SHOP, "checkout", 3);
  }

  private void notReady(String pod) {
    client
        .pods()
        .inNamespace(SHOP)
        .withName(pod)
        .editStatus(
            p -> {
              p.getStatus().getConditions().get(0).setStatus("False");
              return p;
            });
  }

  private void restarted(String pod, String finishedAt) {
    client
        .pods()
        .inNamespace(SHOP)
        .withName(pod)
        .editStatus(
            p -> {
              var status = p.getStatus().getContainerStatuses().get(0);
              status.setRestartCount(4);
              status.setLastState(
                  new io.fabric8.kubernetes.api.model.ContainerStateBuilder()
                      .withTerminated(
                          new ContainerStateTerminatedBuilder()
                              .withExitCode(137)
                              .withReason("OOMKilled")
                              .withFinishedAt(finishedAt)
                              .build())
                      .build());
              return p;
            });
  }

  private void warning(String pod, String reason, int count, String at) {
    client
        .v1()
        .events()
        .inNamespace(SHOP)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName(pod + "." + reason)
                .endMetadata()
                .withType("Warning")
                .withReason(reason)
                .withMessage("Back-off restarting failed container app")
                .withCount(count)
                .withLastTimestamp(at)
                .withNewInvolvedObject()
                .withKind("Pod")
                .withName(pod)
                .withNamespace(SHOP)
                .endInvolvedObject()
                .build())
        .create();
  }

  @Test
  void podsReadyHoldsWhenEveryMatchingPodIsReady() {
    PodsReadyRunner runner = new PodsReadyRunner(client);

    assertThat(runner.observe(new PodsReady(SHOP, "app=checkout", null)))
        .isEqualTo(Observation.holds("3/3 pods ready (app=checkout in shop)"));
    notReady("checkout-1");
    assertThat(runner.observe(new PodsReady(SHOP, "app=checkout", null)))
        .isEqualTo(Observation.fails("2/3 pods ready (app=checkout in shop)"));
    assertThat(runner.observe(new PodsReady(SHOP, "app=checkout", 2)).holds()).isTrue();
    assertThat(runner.observe(new PodsReady(SHOP, "app=nothing", null)))
        .isEqualTo(Observation.fails("0/0 pods ready (app=nothing in shop)"));
  }

  @Test
  void availableReplicasComparesTheStatusWithTheDesiredCount() {
    AvailableReplicasRunner runner = new AvailableReplicasRunner(client);
    assertThat(runner.observe(new AvailableReplicas(SHOP, "checkout", null)))
        .isEqualTo(Observation.holds("3/3 replicas available"));

    client
        .apps()
        .deployments()
        .inNamespace(SHOP)
        .withName("checkout")
        .editStatus(
            d -> {
              d.getStatus().setAvailableReplicas(1);
              return d;
            });

    assertThat(runner.observe(new AvailableReplicas(SHOP, "checkout", null)))
        .isEqualTo(Observation.fails("1/3 replicas available"));
    assertThat(runner.observe(new AvailableReplicas(SHOP, "checkout", 1)))
        .isEqualTo(Observation.holds("1/3 replicas available (at least 1 needed)"));
    assertThat(runner.observe(new AvailableReplicas(SHOP, "cart", null)))
        .isEqualTo(Observation.fails("no deployment cart in namespace shop"));
  }

  @Test
  void restartsCountsContainersThatRestartedInTheWindowAndNamesTheWarnings() {
    RestartsRunner runner = new RestartsRunner(client, Clock.fixed(NOW, ZoneOffset.UTC));
    Restarts quiet = new Restarts(SHOP, "app=checkout", Duration.ofMinutes(10), 0);
    assertThat(runner.observe(quiet))
        .isEqualTo(Observation.holds("0 restarts in the last 10m; warnings: none"));

    restarted("checkout-0", "2026-11-21T09:55:00Z");
    restarted("checkout-1", "2026-11-21T09:40:00Z");
    warning("checkout-0", "BackOff", 3, "2026-11-21T09:56:00Z");
    warning("checkout-1", "BackOff", 1, "2026-11-21T09:30:00Z");

    assertThat(runner.observe(quiet))
        .isEqualTo(
            Observation.fails(
                "1 restart in the last 10m (checkout-0/app); warnings: checkout-0 BackOff x3:"
                    + " Back-off restarting failed container app"));
    assertThat(runner.observe(new Restarts(SHOP, "app=checkout", Duration.ofHours(1), 2)).detail())
        .startsWith("2 restarts in the last 1h (checkout-0/app, checkout-1/app)");
    assertThat(runner.observe(new Restarts(SHOP, "app=checkout", Duration.ofHours(1), 2)).holds())
        .isTrue();
  }

  @Test
  void theDryRunShowsTheTargetsStateWithRecentRestartsAndWarnings() {
    restarted("checkout-2", "2026-11-21T09:30:00Z");
    warning("checkout-2", "Unhealthy", 5, "2026-11-21T09:31:00Z");
    PodKillInjector injector = new PodKillInjector(kubernetes);

    assertThat(
            injector.inspect(new Target("checkout", KubernetesTarget.deployment(SHOP, "checkout"))))
        .isEqualTo(
            "3 replicas, 3 available; 3 pods, 3 ready; restarts in the last 1h: checkout-2/app;"
                + " warnings: checkout-2 Unhealthy x5: Back-off restarting failed container app");
    assertThat(
            injector.inspect(
                new Target("pods", KubernetesTarget.pods(SHOP, Map.of("app", "checkout")))))
        .startsWith("3 pods, 3 ready;");
    assertThat(injector.inspect(new Target("worker", KubernetesTarget.node("worker-1"))))
        .isEqualTo(
            "schedulable; 3 pods of opted-in namespaces run on it (a drain would evict them)");
  }
}
