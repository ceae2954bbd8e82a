package org.daysofchaos.scoreboard.server;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.daysofchaos.agents.kubernetes.Annotations;

/**
 * A small pre-production on fabric8's mock API server (CRUD mode), reached by a separate server
 * process through a kubeconfig file: an opted-in namespace {@code shop} with deployments and their
 * pods, a config map, an opted-in node, and a metrics endpoint whose steady state always holds.
 */
final class MockShop implements AutoCloseable {
  static final String NAMESPACE = "shop";

  private final KubernetesClient client;
  private final KubernetesMockServer server;
  private HttpServer metrics;

  MockShop(KubernetesClient client, KubernetesMockServer server) {
    this.client = client;
    this.server = server;
  }

  MockShop withNamespace(String name, boolean optedIn) {
    NamespaceBuilder ns = new NamespaceBuilder().withNewMetadata().withName(name).endMetadata();
    if (optedIn) {
      ns.editMetadata().addToLabels(Annotations.ALLOW_CHAOS, "true").endMetadata();
    }
    client.namespaces().resource(ns.build()).create();
    return this;
  }

  /** A deployment of {@code replicas} (all available), its pods, named after {@code app}. */
  MockShop withDeployment(String app, int replicas) {
    client
        .apps()
        .deployments()
        .inNamespace(NAMESPACE)
        .resource(
            new DeploymentBuilder()
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
                .addNewContainer()
                .withName(app)
                .withImage(app + ":1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withReplicas(replicas)
                .withAvailableReplicas(replicas)
                .endStatus()
                .build())
        .create();
    for (int i = 0; i < replicas; i++) {
      client
          .pods()
          .inNamespace(NAMESPACE)
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
    return this;
  }

  MockShop withConfigMap(String name, Map<String, String> data) {
    client
        .configMaps()
        .inNamespace(NAMESPACE)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withData(data)
                .build())
        .create();
    return this;
  }

  MockShop withNode(String name) {
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(Annotations.ALLOW_CHAOS, "true")
                .endMetadata()
                .build())
        .create();
    return this;
  }

  /** A kubeconfig for the mock API server, context {@code preprod}. */
  Path kubeconfig(Path dir) throws IOException {
    Path file = dir.resolve("kubeconfig.yaml");
    Files.writeString(
        file,
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
    return file;
  }

  /** A Prometheus text endpoint with {@code up 1}: a steady state on it always holds. */
  URI metrics() throws IOException {
    metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    metrics.createContext(
        "/metrics",
        exchange -> {
          byte[] body = "up 1\n".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    metrics.start();
    return URI.create("http://127.0.0.1:" + metrics.getAddress().getPort() + "/metrics");
  }

  Deployment deployment(String name) {
    return client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
  }

  /** Whether an object still carries an injection of ours (label or annotation). */
  static boolean marked(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    Map<String, String> labels = object.getMetadata().getLabels();
    return (annotations != null && annotations.containsKey(Annotations.INJECTION))
        || (labels != null && labels.containsKey(Annotations.INJECTED));
  }

  KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    if (metrics != null) {
      metrics.stop(0);
    }
  }
}
