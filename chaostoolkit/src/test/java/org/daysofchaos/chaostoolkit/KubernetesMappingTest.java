package org.daysofchaos.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.metrics.MetricSources;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.spi.Sleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chaosk8s functions, run as our Kubernetes kinds against fabric8's mock API server. */
@EnableKubernetesMockClient(crud = true)
class KubernetesMappingTest {
  KubernetesClient client;

  @BeforeEach
  void cluster() {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("shop")
                .addToLabels("daysofchaos.org/allow-chaos", "true")
                .endMetadata()
                .build())
        .create();
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName("worker-1")
                .addToLabels("daysofchaos.org/allow-chaos", "true")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .build())
        .create();
    client
        .apps()
        .deployments()
        .inNamespace("shop")
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("checkout")
                .endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .withNewSelector()
                .addToMatchLabels("app", "checkout")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "checkout")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("checkout:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withReplicas(3)
                .withAvailableReplicas(3)
                .withReadyReplicas(3)
                .endStatus()
                .build())
        .create();
    for (int i = 0; i < 3; i++) {
      client
          .pods()
          .inNamespace("shop")
          .resource(
              new PodBuilder()
                  .withNewMetadata()
                  .withName("checkout-" + i)
                  .addToLabels("app", "checkout")
                  .endMetadata()
                  .withNewSpec()
                  .withNodeName("worker-1")
                  .endSpec()
                  .withNewStatus()
                  .withPhase("Running")
                  .addNewCondition()
                  .withType("Ready")
                  .withStatus("True")
                  .endCondition()
                  .endStatus()
                  .build())
          .create();
    }
  }

  private ExperimentRunner.Outcome run(Experiment e, InMemoryLedger ledger) {
    Checks.Mapping mapping = Checks.map(e);
    assertThat(mapping.problems()).isEmpty();
    org.daysofchaos.core.testing.ManualClock clock =
        new org.daysofchaos.core.testing.ManualClock(java.time.Instant.now());
    return new ExperimentRunner(
            Agents.injectors(
                new ToxiproxyServers(List.of()),
                new LocalProcesses(),
                new org.daysofchaos.agents.kubernetes.KubernetesBackend(
                    client, clock, new Random(1))),
            Agents.withKubernetes(
                Agents.probes(
                    MetricSources.of(List.of(), Map.of()), new ToxiproxyServers(List.of())),
                client,
                clock),
            ledger,
            clock,
            new org.daysofchaos.core.testing.ManualSleeper(clock),
            new NativeCalls())
        .run(e, mapping, List.of());
  }

  @Test
  void theCorpusKillPodsExperimentRunsAgainstTheMockClusterAndALocalService() throws Exception {
    try (StandIn http = new StandIn()) {
      java.nio.file.Path file =
          CorpusTest.corpus().resolve("community-playground/kill-pods-experiment.json");
      ExperimentRead read =
          new ExperimentReader(
                  Map.of(
                      "APPLICATION_ENTRYPOINT_URL", http.url() + "/health",
                      "POD_LABEL", "app=checkout",
                      "POD_NAMESPACE", "shop"))
              .read(file);
      assertThat(read.problems()).isEmpty();
      InMemoryLedger ledger = new InMemoryLedger();
      ExperimentRunner.Outcome o = run(read.experiment().orElseThrow(), ledger);
      assertThat(o.result().verdict()).as(o.result().reason()).isEqualTo(Verdict.PASSED);
      assertThat(client.pods().inNamespace("shop").list().getItems()).hasSize(1);
      assertThat(http.count("GET /health")).isEqualTo(2);
      assertThat(ledger.open()).isEmpty();
    }
  }

  @Test
  void podsDeploymentsNodesAndProbesMapToOurKindsAndAreRevertedByTheRollbacks() {
    Experiment e =
        ExperimentReaderTest.read(
            """
            title: k8s
            steady-state-hypothesis:
              title: checkout is there
              probes:
                - type: probe
                  name: available
                  tolerance: true
                  provider:
                    type: python
                    module: chaosk8s.probes
                    func: microservice_available_and_healthy
                    arguments: {name: checkout, ns: shop}
                - type: probe
                  name: running
                  tolerance: true
                  provider:
                    type: python
                    module: chaosk8s.pod.probes
                    func: pods_in_phase
                    arguments: {label_selector: app=checkout, phase: Running, ns: shop}
            method:
              - type: action
                name: kill one
                provider:
                  type: python
                  module: chaosk8s.pod.actions
                  func: terminate_pods
                  arguments: {label_selector: app=checkout, ns: shop, qty: 1}
              - type: action
                name: scale down
                provider:
                  type: python
                  module: chaosk8s.deployment.actions
                  func: scale_deployment
                  arguments: {name: checkout, replicas: 1, ns: shop}
              - type: action
                name: cordon
                provider:
                  type: python
                  module: chaosk8s.node.actions
                  func: cordon_node
                  arguments: {name: worker-1}
            rollbacks:
              - type: action
                name: scale back
                provider:
                  type: python
                  module: chaosk8s.deployment.actions
                  func: scale_deployment
                  arguments: {name: checkout, replicas: 3, ns: shop}
              - type: action
                name: uncordon
                provider:
                  type: python
                  module: chaosk8s.node.actions
                  func: uncordon_node
                  arguments: {name: worker-1}
            """);
    Checks.Mapping mapping = Checks.map(e);
    assertThat(mapping.problems()).isEmpty();
    assertThat(Lint.check(e, mapping)).isEmpty();
    InMemoryLedger ledger = new InMemoryLedger();
    Clock clock = Clock.systemUTC();
    ExperimentRunner.Outcome o =
        new ExperimentRunner(
                Agents.injectors(
                    new ToxiproxyServers(List.of()),
                    new LocalProcesses(),
                    new org.daysofchaos.agents.kubernetes.KubernetesBackend(
                        client, clock, new Random(1))),
                Agents.withKubernetes(
                    Agents.probes(
                        MetricSources.of(List.of(), Map.of()), new ToxiproxyServers(List.of())),
                    client,
                    clock),
                ledger,
                clock,
                Sleeper.system(clock),
                new NativeCalls())
            .run(e, mapping, List.of());
    assertThat(o.metBefore()).contains(true);
    assertThat(o.method()).allSatisfy(r -> assertThat(r.error()).isNull());
    assertThat(client.pods().inNamespace("shop").list().getItems()).hasSize(2);
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName("checkout")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
    assertThat(client.nodes().withName("worker-1").get().getSpec().getUnschedulable())
        .isNotEqualTo(true);
    assertThat(ledger.open()).isEmpty();
    assertThat(o.result().verdict()).isIn(Verdict.PASSED, Verdict.DEVIATED);
  }
}
