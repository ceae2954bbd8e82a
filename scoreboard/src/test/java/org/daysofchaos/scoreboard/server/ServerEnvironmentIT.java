package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A game-day server configured by an environment file alone breaks a Kubernetes cluster (fabric8's
 * mock API server, in CRUD mode, which outlives the server process): every Kubernetes fault kind is
 * injected and reverted by incidents the server fires; a namespace the environment does not list is
 * refused though it is labelled; and a fault left active by a SIGKILL is reverted when the server
 * starts again with the same command.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ServerEnvironmentIT {
  KubernetesClient client;
  KubernetesMockServer server;
  @TempDir Path dir;
  private MockShop shop;
  private Path environment;

  /** One fault of each Kubernetes kind, each on its own object, and its target. */
  private static final Map<String, String> KINDS =
      Map.of(
          "pod-kill",
          "target: { kubernetes: { namespace: shop, deployment: kill } }\n"
              + "fault: { kind: kubernetes/pod-kill, mode: one, maxPods: 1, gracePeriod: 0s }",
          "scale",
          "target: { kubernetes: { namespace: shop, deployment: scale } }\n"
              + "fault: { kind: kubernetes/scale, replicas: 0, maxPods: 3 }",
          "rollout-restart",
          "target: { kubernetes: { namespace: shop, deployment: restart } }\n"
              + "fault: { kind: kubernetes/rollout-restart, maxPods: 3 }",
          "bad-rollout",
          "target: { kubernetes: { namespace: shop, deployment: rollout } }\n"
              + "fault: { kind: kubernetes/bad-rollout, maxPods: 3 }",
          "env-change",
          "target: { kubernetes: { namespace: shop, deployment: env } }\n"
              + "fault: { kind: kubernetes/env-change, container: env, name: MODE, value: broken,"
              + " maxPods: 3 }",
          "config-change",
          "target: { kubernetes: { namespace: shop, configMap: config } }\n"
              + "fault: { kind: kubernetes/config-change, key: timeout, value: 1ms }",
          "node-cordon",
          "target: { kubernetes: { node: worker-1 } }\n"
              + "fault: { kind: kubernetes/node-cordon, drain: false }",
          "partition",
          "target: { kubernetes: { namespace: shop, selector: { app: partition } } }\n"
              + "fault: { kind: kubernetes/partition, direction: both, maxPods: 3 }");

  @BeforeEach
  void preProduction() throws Exception {
    shop = new MockShop(client, server).withNamespace("shop", true).withNamespace("staging", true);
    for (String app : List.of("kill", "scale", "restart", "rollout", "env", "partition", "crash")) {
      shop.withDeployment(app, 3);
    }
    shop.withConfigMap("config", Map.of("timeout", "2s")).withNode("worker-1");
    URI metrics = shop.metrics();
    shop.kubeconfig(dir);
    environment = dir.resolve("environment.yaml");
    Files.writeString(
        environment,
        """
        kubernetes:
          preprod:
            kubeconfig: kubeconfig.yaml
            context: preprod
            namespaces: [shop]
        metrics:
          - "%s"
        """
            .formatted(metrics));
  }

  @AfterEach
  void stopShop() {
    shop.close();
  }

  private static String scenario(String id, String kind, String duration) {
    String[] parts = KINDS.get(kind).split("\n");
    return """
        id: env/%s
        title: %s from the server
        mode: time-boxed
        duration: %s
        maxDuration: 10m
        targets:
          it: %s
        faults:
          - %s
        steadyState:
          - { kind: metric/threshold, query: up, above: 0 }
        detection:
          signals:
            - { kind: metric/threshold, query: up, above: 5 }
        recovery: { holdFor: 1s, within: 1m }
        """
        .formatted(
            id,
            kind,
            duration,
            parts[0].substring("target: ".length()),
            parts[1].substring("fault: ".length()).replace("}", ", target: it }"));
  }

  private ServerProcess.Server serve() throws Exception {
    return ServerProcess.Server.of(
        ServerProcess.JAR,
        List.of("-Dchaos.run.interval=250ms"),
        List.of(
            "--data-dir",
            dir.resolve("data").toString(),
            "--node-id",
            "env-it",
            "--environment",
            environment.toString()));
  }

  /**
   * One server, one game day: every Kubernetes kind injected and reverted, and a scenario on a
   * labelled namespace that the environment does not list refused (one boot for both: on a loaded
   * machine a server start costs half a minute).
   */
  @Test
  void everyKindRunsThroughTheEnvironmentAndANamespaceItDoesNotListIsRefused() throws Exception {
    String staging =
        scenario("staging", "scale", "3s").replace("namespace: shop", "namespace: staging");
    createStagingDeployment();
    StringBuilder day =
        new StringBuilder(
            "id: k8s-day\nname: Kubernetes day\nwindow: { lasts: 1h }\nteams: [blue]\nscenarios:\n");
    int at = 1;
    for (String kind : KINDS.keySet()) {
      day.append("  - { scenario: env/").append(kind).append(", at: ").append(at++).append("s }\n");
    }
    day.append("  - { scenario: env/staging, at: ").append(at).append("s }\n");
    try (ServerProcess running = serve().start(dir)) {
      Http api = running.awaitApi(Duration.ofMinutes(4));
      for (String kind : KINDS.keySet()) {
        assertThat(api.postYaml("/api/scenarios", scenario(kind, kind, "3s")).status())
            .as(kind)
            .isEqualTo(201);
      }
      assertThat(api.postYaml("/api/scenarios", staging).status()).isEqualTo(201);
      assertThat(api.postYaml("/api/gamedays", day.toString()).status()).isEqualTo(201);
      assertThat(api.post("/api/gamedays/k8s-day/start", "", "text/plain").status()).isEqualTo(200);

      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> closed(api) == KINDS.size() + 1);

      for (JsonNode incident : list(api.getJson("/api/incidents?gameDay=k8s-day"))) {
        JsonNode detail = api.getJson("/api/incidents/" + incident.get("id").asText());
        if ("env/staging".equals(incident.get("scenarioId").asText())) {
          assertRefusedOutsideTheEnvironment(detail);
          continue;
        }
        List<String> journal =
            list(detail.get("journal")).stream()
                .map(e -> e.get("type").asText() + " " + e.get("message").asText())
                .toList();
        assertThat(journal)
            .as("%s, output:\n%s", incident.get("scenarioId"), running.output())
            .anyMatch(e -> e.startsWith("INJECTED "))
            .anyMatch(e -> e.startsWith("REVERTED "));
        assertThat(detail.get("injections").get(0).get("state").asText())
            .as("%s", incident.get("scenarioId"))
            .isEqualTo("REVERTED");
      }
      assertThat(api.getJson("/api/ledger?open=true")).isEmpty();
      assertNothingMarked();
      assertThat(shop.deployment("scale").getSpec().getReplicas()).isEqualTo(3);
      assertThat(running.terminate()).isZero();
    }
  }

  private void createStagingDeployment() {
    shop.client()
        .apps()
        .deployments()
        .inNamespace("staging")
        .resource(
            shop.deployment("scale")
                .edit()
                .editMetadata()
                .withNamespace("staging")
                .withResourceVersion(null)
                .endMetadata()
                .build())
        .create();
  }

  /** Labelled for chaos, but not listed in the environment: refused, nothing touched. */
  private void assertRefusedOutsideTheEnvironment(JsonNode detail) {
    assertThat(detail.get("incident").get("reason").asText())
        .contains("namespace staging is not among the namespaces the environment allows");
    assertThat(detail.get("injections"))
        .allSatisfy(
            injection -> {
              assertThat(injection.get("state").asText()).isEqualTo("FAILED");
              assertThat(injection.get("revertRecord")).isEmpty();
            });
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("staging")
                .withName("scale")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
  }

  @Test
  void aFaultLeftActiveByAKilledServerIsRevertedWhenItStartsAgain() throws Exception {
    String crash =
        scenario("crash", "scale", "2m").replace("deployment: scale", "deployment: crash");
    ServerProcess.Server serve = serve();
    try (ServerProcess first = serve.start(dir)) {
      Http api = first.awaitApi(Duration.ofMinutes(4));
      assertThat(api.postYaml("/api/scenarios", crash).status()).isEqualTo(201);
      api.postYaml(
          "/api/gamedays",
          "id: crash-day\nname: Crash\nwindow: { lasts: 1h }\nteams: [blue]\n"
              + "scenarios:\n  - { scenario: env/crash, at: 1s }\n");
      api.post("/api/gamedays/crash-day/start", "", "text/plain");
      await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> shop.deployment("crash").getSpec().getReplicas() == 0);
      // Killed as soon as the fault shows, which may be before the ledger has its revert record:
      // the record written with the intent must then find the change on the deployment.

      first.kill();
    }
    assertThat(shop.deployment("crash").getSpec().getReplicas())
        .as("the mock cluster outlived the server, with the fault in effect")
        .isZero();

    try (ServerProcess second = serve.start(dir)) {
      // Generous: on a loaded 2-core machine the JVM alone has taken a minute to start.
      try {
        await()
            .atMost(Duration.ofMinutes(4))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> shop.deployment("crash").getSpec().getReplicas() == 3);
      } catch (RuntimeException e) {
        throw new AssertionError(
            "not reverted after the restart; its output:\n" + second.output(), e);
      }
      assertThat(MockShop.marked(shop.deployment("crash"))).isFalse();
      Http api = second.awaitApi(Duration.ofMinutes(4));
      assertThat(api.getJson("/api/ledger?open=true")).isEmpty();
      assertThat(second.terminate()).isZero();
    }
  }

  private void assertNothingMarked() {
    List<HasMetadata> objects = new ArrayList<>();
    objects.addAll(client.apps().deployments().inNamespace("shop").list().getItems());
    objects.addAll(client.configMaps().inNamespace("shop").list().getItems());
    objects.addAll(client.nodes().list().getItems());
    objects.addAll(client.pods().inNamespace("shop").list().getItems());
    assertThat(objects).noneMatch(MockShop::marked);
    assertThat(client.network().networkPolicies().inNamespace("shop").list().getItems())
        .as("the partition's policies are gone")
        .isEmpty();
  }

  private static long closed(Http api) {
    return closed(api, "k8s-day");
  }

  private static long closed(Http api, String gameDay) {
    return list(api.getJson("/api/incidents?gameDay=" + gameDay)).stream()
        .filter(i -> i.get("state").asText().equals("CLOSED"))
        .count();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
