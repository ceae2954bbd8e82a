package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.agents.Leftovers;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.core.spi.TargetRefusedException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same faults on a real cluster (K3s in a container), with its real controllers: pods are
 * replaced, replicas come back, nodes drain. Skipped where there is no Docker; every behaviour here
 * is also tested on the mock API server by the {@code *Test} classes of this package.
 */
@Testcontainers(disabledWithoutDocker = true)
class KubernetesInjectorIT {
  private static final String NS = "shop";
  private static final Duration READY = Duration.ofMinutes(3);

  @Container
  static final K3sContainer K3S =
      new K3sContainer(DockerImageName.parse("rancher/k3s:v1.31.2-k3s1"));

  private static KubernetesClient client;
  private static Injectors injectors;
  private static String node;
  private static int injections;

  /** Injects a fault of any Kubernetes kind with the injector of its kind. */
  @SuppressWarnings("unchecked")
  private static <F extends FaultSpec> Injection inject(
      F fault, Target target, InjectionContext context) {
    return ((KubernetesFaultInjector<F>) injectors.require(fault)).inject(fault, target, context);
  }

  @BeforeAll
  static void preProduction() {
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(K3S.getKubeConfigYaml()))
            .build();
    injectors = Injectors.of(KubernetesBackend.injectors(client));
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(NS)
                .addToLabels(Annotations.ALLOW_CHAOS, "true")
                .endMetadata()
                .build())
        .create();
    node = client.nodes().list().getItems().get(0).getMetadata().getName();
    client
        .nodes()
        .withName(node)
        .edit(
            n -> {
              n.getMetadata().getLabels().put(Annotations.ALLOW_CHAOS, "true");
              return n;
            });
    for (String app : List.of("checkout", "cart", "payments", "search")) {
      client.apps().deployments().inNamespace(NS).resource(deployment(app, 2)).create();
    }
    client
        .configMaps()
        .inNamespace(NS)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("checkout-config")
                .endMetadata()
                .addToData("payments.timeout", "2s")
                .build())
        .create();
    for (String app : List.of("checkout", "cart", "payments", "search")) {
      awaitAvailable(app, 2);
    }
  }

  @AfterAll
  static void close() {
    if (client != null) {
      client.close();
    }
  }

  /** A deployment of pause containers (the image K3s already has for its pod sandboxes). */
  private static Deployment deployment(String app, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(app)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", app)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", app)
        .endMetadata()
        .withNewSpec()
        .withTerminationGracePeriodSeconds(1L)
        .addNewContainer()
        .withName(app)
        .withImage("rancher/mirrored-pause:3.6")
        .addNewEnv()
        .withName("LOG_LEVEL")
        .withValue("info")
        .endEnv()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static void awaitAvailable(String app, int replicas) {
    await()
        .atMost(READY)
        .untilAsserted(
            () -> {
              Deployment d = client.apps().deployments().inNamespace(NS).withName(app).get();
              assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(replicas);
              assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(replicas);
              assertThat(d.getStatus().getReplicas()).isEqualTo(replicas);
            });
  }

  private static InjectionContext context() {
    return new InjectionContext(
        "it", "it-" + injections++, Instant.now().plus(Duration.ofMinutes(10)));
  }

  private static Target deployment(String app) {
    return new Target(app, KubernetesTarget.deployment(NS, app));
  }

  private static List<String> podNames(String app) {
    return client.pods().inNamespace(NS).withLabel("app", app).list().getItems().stream()
        .map(p -> p.getMetadata().getName())
        .toList();
  }

  @Test
  void aKilledPodIsReplacedByItsDeployment() throws Exception {
    List<String> before = podNames("checkout");

    Injection injection =
        inject(
            new PodKill("checkout", 1, PodSelection.ONE, null, null, Optional.of(Duration.ZERO)),
            deployment("checkout"),
            context());
    String killed = injection.revertRecord().data().get("pods");
    injection.revert();

    assertThat(before).contains(killed);
    await().atMost(READY).until(() -> !podNames("checkout").contains(killed));
    awaitAvailable("checkout", 2);
  }

  @Test
  void scalingDownRemovesPodsAndTheRevertBringsThemBack() throws Exception {
    Injection injection = inject(new Scale("cart", 0, 2), deployment("cart"), context());
    await().atMost(READY).until(() -> podNames("cart").isEmpty());

    injection.revert();

    assertThat(injection.residue()).isEmpty();
    awaitAvailable("cart", 2);
  }

  @Test
  void aRolloutRestartReplacesEveryPod() throws Exception {
    List<String> before = podNames("payments");

    Injection injection =
        inject(new RolloutRestart("payments", 2), deployment("payments"), context());

    await()
        .atMost(READY)
        .untilAsserted(() -> assertThat(podNames("payments")).doesNotContainAnyElementsOf(before));
    awaitAvailable("payments", 2);
    injection.revert();
    assertThat(injection.residue()).isEmpty();
  }

  @Test
  void anEnvironmentChangeRollsOutAndItsRevertRestoresTheDefinition() throws Exception {
    Injection injection =
        inject(
            new EnvChange("search", "LOG_LEVEL", "trace", Optional.empty(), 2),
            deployment("search"),
            context());
    awaitAvailable("search", 2);
    await()
        .atMost(READY)
        .untilAsserted(
            () ->
                assertThat(
                        client.pods().inNamespace(NS).withLabel("app", "search").list().getItems())
                    .allSatisfy(
                        p ->
                            assertThat(
                                    p.getSpec().getContainers().get(0).getEnv().get(0).getValue())
                                .isEqualTo("trace")));

    injection.revert();

    assertThat(injection.residue()).isEmpty();
    awaitAvailable("search", 2);
  }

  @Test
  void aPartitionPolicyComesAndGoes() throws Exception {
    Injection injection =
        inject(
            new Partition("payments", Traffic.BOTH, 2),
            new Target("payments", KubernetesTarget.pods(NS, Map.of("app", "payments"))),
            context());
    assertThat(client.network().v1().networkPolicies().inNamespace(NS).list().getItems())
        .hasSize(1);

    injection.revert();

    assertThat(client.network().v1().networkPolicies().inNamespace(NS).list().getItems()).isEmpty();
  }

  @Test
  void aConfigChangeRevertsToTheExactValue() throws Exception {
    Injection injection =
        inject(
            new ConfigChange("config", "payments.timeout", "1ms"),
            new Target("config", KubernetesTarget.configMap(NS, "checkout-config")),
            context());
    assertThat(client.configMaps().inNamespace(NS).withName("checkout-config").get().getData())
        .containsEntry("payments.timeout", "1ms");

    injection.revert();

    assertThat(client.configMaps().inNamespace(NS).withName("checkout-config").get().getData())
        .isEqualTo(Map.of("payments.timeout", "2s"));
  }

  @Test
  void aCordonedNodeIsRevertedFromTheLedgerAfterACrash() {
    Target target = new Target("node", KubernetesTarget.node(node));
    Injection injection = inject(new NodeCordon("node", false, null), target, context());
    assertThat(client.nodes().withName(node).get().getSpec().getUnschedulable()).isTrue();
    InMemoryLedger ledger = new InMemoryLedger();
    ledger.intend(
        new LedgerEntry(
            "crashed-0",
            "crashed",
            "kubernetes/it",
            "kubernetes/node-cordon",
            target.describe(),
            "cordon",
            LedgerEntry.State.INTENDED,
            RevertRecord.NONE,
            Instant.now().plusSeconds(600),
            Instant.now()));
    ledger.activate("crashed-0", injection.revertRecord(), Instant.now());

    assertThat(Leftovers.revertAll(ledger, java.time.Clock.systemUTC(), client))
        .singleElement()
        .asString()
        .startsWith("reverted a leftover");
    assertThat(client.nodes().withName(node).get().getSpec().getUnschedulable())
        .isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void theGuardRefusesANamespaceThatDidNotOptIn() {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("prod").endMetadata().build())
        .serverSideApply();

    assertThatThrownBy(
            () ->
                inject(
                    new Scale("x", 0, 5),
                    new Target("x", KubernetesTarget.deployment("prod", "anything")),
                    context()))
        .isInstanceOf(TargetRefusedException.class);
  }

  @Test
  void aDrainEvictsThePodsAndTheRevertLetsThemBack() throws Exception {
    Target target = new Target("node", KubernetesTarget.node(node));

    Injection injection = inject(new NodeCordon("node", true, 10), target, context());
    await()
        .atMost(READY)
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .apps()
                            .deployments()
                            .inNamespace(NS)
                            .withName("checkout")
                            .get()
                            .getStatus()
                            .getAvailableReplicas())
                    .isNotEqualTo(2));
    injection.revert();

    assertThat(injection.residue()).isEmpty();
    for (String app : List.of("checkout", "cart", "payments", "search")) {
      awaitAvailable(app, 2);
    }
    assertThat(new KubernetesCleanup(client, java.time.Clock.systemUTC()).find()).isEmpty();
  }
}
