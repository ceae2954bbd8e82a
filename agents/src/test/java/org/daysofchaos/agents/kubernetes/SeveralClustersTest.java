package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daysofchaos.agents.kubernetes.Cluster.CONTEXT;
import static org.daysofchaos.agents.kubernetes.Cluster.SHOP;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.spi.Reverter;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.kubernetes.AvailableReplicas;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.Scale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An environment with two clusters, {@code staging} (the fixture's mock API server) and {@code
 * perf} (a second one): each target and probe goes to the cluster it names, a target that names
 * none or an unknown one is refused before anything changes, and a ledger record is reverted on the
 * cluster that made it.
 */
class SeveralClustersTest extends MockClusterFixture {
  private KubernetesMockServer perfServer;
  private KubernetesClient perfClient;
  private Cluster perf;
  private KubernetesClusters clusters;

  @BeforeEach
  void secondCluster() {
    perfServer =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    perfServer.init();
    perfClient = perfServer.createClient();
    perf = new Cluster(perfClient, perfServer).standard();
    cluster.deployment(SHOP, "checkout", 3);
    perf.deployment(SHOP, "checkout", 3);
    clusters =
        KubernetesClusters.of(
            List.of(
                new KubernetesClusters.Cluster("staging", client, Set.of(SHOP)),
                new KubernetesClusters.Cluster("perf", perfClient, Set.of(SHOP))),
            Clock.fixed(Cluster.NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stopSecondCluster() {
    perfClient.close();
    perfServer.destroy();
  }

  private static Target checkout(KubernetesTarget where) {
    return new Target("checkout", where);
  }

  private int replicas(Cluster on) {
    return on.deploymentNow(SHOP, "checkout").getSpec().getReplicas();
  }

  @Test
  void aTargetIsBrokenOnTheClusterItNamesAndNowhereElse() throws Exception {
    Injectors injectors = Injectors.of(clusters.injectors());
    Scale scale = new Scale("checkout", 1, 3);
    Target onPerf = checkout(KubernetesTarget.deployment(SHOP, "checkout").onCluster("perf"));

    Injection injection = injectors.require(scale).inject(scale, onPerf, CONTEXT);

    assertThat(replicas(perf)).isEqualTo(1);
    assertThat(replicas(cluster)).isEqualTo(3);
    injection.revert();
    assertThat(replicas(perf)).isEqualTo(3);
    assertThat(injection.residue()).isEmpty();
  }

  @Test
  void withSeveralClustersATargetMustNameOneThatTheEnvironmentNames() {
    Injectors injectors = Injectors.of(clusters.injectors());
    Scale scale = new Scale("checkout", 0, 3);

    assertThatThrownBy(
            () ->
                injectors
                    .require(scale)
                    .inject(
                        scale, checkout(KubernetesTarget.deployment(SHOP, "checkout")), CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target checkout: the environment names several Kubernetes clusters (staging, perf);"
                + " say which with cluster:");
    Target onProd = checkout(KubernetesTarget.deployment(SHOP, "checkout").onCluster("prod"));
    assertThatThrownBy(() -> injectors.require(scale).inject(scale, onProd, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target checkout: the environment names no Kubernetes cluster 'prod' (it names"
                + " staging, perf)");
    assertThat(replicas(cluster)).isEqualTo(3);
    assertThat(replicas(perf)).isEqualTo(3);
  }

  @Test
  void aProbeAsksTheClusterItNames() throws Exception {
    perfClient
        .apps()
        .deployments()
        .inNamespace(SHOP)
        .withName("checkout")
        .editStatus(
            d -> {
              d.getStatus().setAvailableReplicas(1);
              return d;
            });
    ProbeRunners probes = ProbeRunners.of(clusters.probes());

    assertThat(observe(probes, new AvailableReplicas(SHOP, "checkout", null, Optional.of("perf"))))
        .isEqualTo(Observation.fails("1/3 replicas available"));
    assertThat(
            observe(probes, new AvailableReplicas(SHOP, "checkout", null, Optional.of("staging"))))
        .isEqualTo(Observation.holds("3/3 replicas available"));
    assertThatThrownBy(() -> observe(probes, new AvailableReplicas(SHOP, "checkout", null)))
        .hasMessageContaining("say which with cluster:");
  }

  private static Observation observe(ProbeRunners probes, AvailableReplicas probe)
      throws Exception {
    return probes.forProbe(probe).orElseThrow().observe(probe);
  }

  @Test
  void aLedgerRecordIsRevertedOnTheClusterThatMadeIt() throws Exception {
    Scale scale = new Scale("checkout", 0, 3);
    Target onPerf = checkout(KubernetesTarget.deployment(SHOP, "checkout").onCluster("perf"));
    Injection injection =
        Injectors.of(clusters.injectors()).require(scale).inject(scale, onPerf, CONTEXT);
    assertThat(replicas(perf)).isZero();

    Reverter reverter = clusters.reverter();
    reverter.revert(injection.revertRecord());

    assertThat(replicas(perf)).isEqualTo(3);
    assertThat(replicas(cluster)).isEqualTo(3);
  }

  @Test
  void aBackendOfOneNamedClusterRefusesATargetForAnother() {
    KubernetesBackend staging =
        new KubernetesBackend(
            "staging",
            client,
            Clock.fixed(Cluster.NOW, ZoneOffset.UTC),
            new java.util.Random(1),
            Set.of(SHOP));
    Target onPerf = checkout(KubernetesTarget.deployment(SHOP, "checkout").onCluster("perf"));

    assertThatThrownBy(
            () -> new ScaleInjector(staging).inject(new Scale("checkout", 0, 3), onPerf, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage("target checkout: names the cluster perf, but this is the cluster staging");
    assertThat(replicas(cluster)).isEqualTo(3);
  }
}
