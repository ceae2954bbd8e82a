package org.daysofchaos.scoreboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.daysofchaos.agents.kubernetes.Annotations;
import org.daysofchaos.agents.kubernetes.KubernetesBackend;
import org.daysofchaos.agents.kubernetes.ScaleInjector;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.Scale;
import org.daysofchaos.scoreboard.testing.ChaosJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line against a Kubernetes API server (fabric8's mock, in CRUD mode), through
 * a kubeconfig file as users give it: the guard asks for {@code --kubernetes}, the dry run shows
 * the target's state, a run injects and reverts, and {@code cleanup} reverts what a dead run left.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesCliIT {
  private static final Path JAR =
      Path.of(
          System.getProperty("chaos.runner.jar", "target/scoreboard-0.1.0-SNAPSHOT-runner.jar"));
  private static final Path SCENARIOS = Path.of("..", "scenarios", "kubernetes").toAbsolutePath();

  KubernetesClient client;
  KubernetesMockServer server;
  @TempDir Path dir;
  private Path kubeconfig;
  private HttpServer metrics;

  @BeforeEach
  void preProduction() throws IOException {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("shop")
                .addToLabels(Annotations.ALLOW_CHAOS, "true")
                .endMetadata()
                .build())
        .create();
    for (String app : List.of("checkout", "cart")) {
      client
          .apps()
          .deployments()
          .inNamespace("shop")
          .resource(
              new DeploymentBuilder()
                  .withNewMetadata()
                  .withName(app)
                  .endMetadata()
                  .withNewSpec()
                  .withReplicas(3)
                  .withNewSelector()
                  .addToMatchLabels("app", app)
                  .endSelector()
                  .withNewTemplate()
                  .withNewMetadata()
                  .addToLabels("app", app)
                  .endMetadata()
                  .withNewSpec()
                  .addNewContainer()
                  .withName(app)
                  .withImage(app)
                  .endContainer()
                  .endSpec()
                  .endTemplate()
                  .endSpec()
                  .withNewStatus()
                  .withReplicas(3)
                  .withAvailableReplicas(3)
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
                    .withName(app + "-" + i)
                    .addToLabels("app", app)
                    .endMetadata()
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
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mock
            cluster: { server: "%s" }
        users:
          - name: chaos
            user: { token: not-checked }
        contexts:
          - name: preprod
            context: { cluster: mock, user: chaos, namespace: shop }
        current-context: preprod
        """
            .formatted(server.url("/").replaceAll("/$", "")));
    metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    metrics.createContext(
        "/metrics",
        exchange -> {
          byte[] body =
              "kube_deployment_status_replicas_unavailable{namespace=\"shop\",deployment=\"checkout\"} 0\n"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    metrics.start();
  }

  @AfterEach
  void stopMetrics() {
    metrics.stop(0);
  }

  private record Result(int exit, String output) {}

  private Result chaos(String... args) throws IOException, InterruptedException {
    List<String> command = ChaosJvm.command(JAR, List.of(), List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        output.append(line).append('\n');
      }
    }
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
    return new Result(process.exitValue(), output.toString());
  }

  @Test
  void aKubernetesScenarioAsksForKubernetesBeforeAnything() throws Exception {
    Result result = chaos("run", SCENARIOS.resolve("scale-down.yaml").toString());

    assertThat(result.exit()).as(result.output()).isEqualTo(2);
    assertThat(result.output())
        .contains(
            "kubernetes/scale-down targets cart on Kubernetes; add --kubernetes (the default"
                + " kubeconfig, or the pod's service account), or --kubeconfig FILE /"
                + " --kube-context NAME");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName("cart")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
  }

  @Test
  void theDryRunShowsTheTargetAsItIsAndTouchesNothing() throws Exception {
    Result result =
        chaos(
            "run",
            SCENARIOS.resolve("scale-down.yaml").toString(),
            "--dry-run",
            "--kubeconfig",
            kubeconfig.toString());

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("inject kubernetes/scale on cart (kubernetes deployment cart in namespace shop)")
        .contains(
            "cart (kubernetes deployment cart in namespace shop): 3 replicas, 3 available; 3 pods,"
                + " 3 ready; restarts in the last 1h: none; warnings: none")
        .contains("dry run: nothing was injected");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName("cart")
                .get()
                .getMetadata()
                .getAnnotations())
        .isNullOrEmpty();
  }

  @Test
  void runsAPodKillScenarioOnTheClusterOfTheKubeconfig() throws Exception {
    Result result =
        chaos(
            "run",
            SCENARIOS.resolve("pod-kill.yaml").toString(),
            "--kubernetes",
            "--kubeconfig",
            kubeconfig.toString(),
            "--kube-context",
            "preprod",
            "--metrics",
            "http://127.0.0.1:" + metrics.getAddress().getPort() + "/metrics",
            "--duration",
            "1s",
            "--hold-for",
            "1s",
            "--interval",
            "250ms");

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("injected kubernetes/pod-kill on checkout")
        .contains("REVERTED")
        .contains("verdict: PASSED");
    assertThat(client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems())
        .hasSize(2);
  }

  @Test
  void cleanupRevertsWhatADeadRunLeftOnTheCluster() throws Exception {
    new ScaleInjector(new KubernetesBackend(client, java.time.Clock.systemUTC(), new Random()))
        .inject(
            new Scale("cart", 0, 3),
            new Target("cart", KubernetesTarget.deployment("shop", "cart")),
            new InjectionContext("dead", "dead-0", Instant.now().minusSeconds(60)));

    Result listed = chaos("cleanup", "--dry-run", "--kubeconfig", kubeconfig.toString());
    assertThat(listed.output())
        .contains(
            "deployment cart in namespace shop: kubernetes/scale, injection dead-0 of run dead, expired at")
        .contains("1 found; nothing was reverted");
    Result cleaned = chaos("cleanup", "--kubeconfig", kubeconfig.toString());

    assertThat(cleaned.exit()).as(cleaned.output()).isZero();
    assertThat(cleaned.output())
        .contains("reverted deployment cart in namespace shop: kubernetes/scale");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName("cart")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
  }
}
