package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.spi.InjectionContext;

/**
 * A small pre-production on fabric8's mock API server (CRUD mode): opted-in and other namespaces,
 * workloads with running, ready pods, nodes and ConfigMaps. The mock runs no controllers: a
 * deployment's pods and status are what the test writes.
 */
final class Cluster {
  static final String SHOP = "shop";
  static final String OTHER = "prod";
  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  static final InjectionContext CONTEXT =
      new InjectionContext("run1", "run1-0", NOW.plusSeconds(600));

  private final KubernetesClient client;
  private final KubernetesMockServer server;
  private int seen;

  Cluster(KubernetesClient client, KubernetesMockServer server) {
    this.client = client;
    this.server = server;
  }

  KubernetesClient client() {
    return client;
  }

  /**
   * {@code shop} opted in, {@code prod} not; nodes {@code worker-1} (opted in), {@code control}.
   */
  Cluster standard() {
    namespace(SHOP, true);
    namespace(OTHER, false);
    node("worker-1", true);
    node("control", false);
    return this;
  }

  Cluster namespace(String name, boolean optedIn) {
    NamespaceBuilder ns = new NamespaceBuilder().withNewMetadata().withName(name).endMetadata();
    if (optedIn) {
      ns.editMetadata().addToLabels(Annotations.ALLOW_CHAOS, "true").endMetadata();
    }
    client.namespaces().resource(ns.build()).create();
    return this;
  }

  Cluster node(String name, boolean optedIn) {
    NodeBuilder node = new NodeBuilder().withNewMetadata().withName(name).endMetadata();
    if (optedIn) {
      node.editMetadata().addToLabels(Annotations.ALLOW_CHAOS, "true").endMetadata();
    }
    client.nodes().resource(node.withNewSpec().endSpec().build()).create();
    return this;
  }

  static List<EnvVar> env() {
    return List.of(
        new EnvVarBuilder().withName("LOG_LEVEL").withValue("info").build(),
        new EnvVarBuilder()
            .withName("DB_PASSWORD")
            .withNewValueFrom()
            .withNewSecretKeyRef("password", "db", false)
            .endValueFrom()
            .build());
  }

  /** A deployment with {@code replicas} running, ready pods on worker-1, all available. */
  Deployment deployment(String ns, String name, int replicas) {
    return deployment(ns, name, replicas, "app");
  }

  Deployment deployment(String ns, String name, int replicas, String container) {
    Deployment deployment =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .addToAnnotations("owner", "team-checkout")
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .addToMatchLabels("app", name)
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", name)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName(container)
            .withImage("registry.example/" + name + ":1.0")
            .withEnv(env())
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .withNewStatus()
            .withReplicas(replicas)
            .withAvailableReplicas(replicas)
            .withReadyReplicas(replicas)
            .endStatus()
            .build();
    Deployment created = client.apps().deployments().inNamespace(ns).resource(deployment).create();
    for (int i = 0; i < replicas; i++) {
      pod(ns, name + "-" + i, Map.of("app", name), "worker-1", true);
    }
    return created;
  }

  StatefulSet statefulSet(String ns, String name, int replicas) {
    StatefulSet set =
        new StatefulSetBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withServiceName(name)
            .withNewSelector()
            .addToMatchLabels("app", name)
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToLabels("app", name)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("db")
            .withImage("registry.example/" + name + ":1.0")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .withNewStatus()
            .withReplicas(replicas)
            .withAvailableReplicas(replicas)
            .endStatus()
            .build();
    StatefulSet created = client.apps().statefulSets().inNamespace(ns).resource(set).create();
    for (int i = 0; i < replicas; i++) {
      pod(ns, name + "-" + i, Map.of("app", name), "worker-1", true);
    }
    return created;
  }

  Pod pod(String ns, String name, Map<String, String> labels, String node, boolean ready) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .withLabels(new LinkedHashMap<>(labels))
            .endMetadata()
            .withNewSpec()
            .withNodeName(node)
            .addNewContainer()
            .withName("app")
            .withImage("registry.example/app:1.0")
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPhase("Running")
            .addNewCondition()
            .withType("Ready")
            .withStatus(ready ? "True" : "False")
            .endCondition()
            .addNewContainerStatus()
            .withName("app")
            .withReady(ready)
            .withRestartCount(0)
            .endContainerStatus()
            .endStatus()
            .build();
    return client.pods().inNamespace(ns).resource(pod).create();
  }

  ConfigMap configMap(String ns, String name, Map<String, String> data) {
    ConfigMap configMap =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .endMetadata()
            .withData(new LinkedHashMap<>(data))
            .build();
    return client.configMaps().inNamespace(ns).resource(configMap).create();
  }

  Deployment deploymentNow(String ns, String name) {
    return client.apps().deployments().inNamespace(ns).withName(name).get();
  }

  Node nodeNow(String name) {
    return client.nodes().withName(name).get();
  }

  ConfigMap configMapNow(String ns, String name) {
    return client.configMaps().inNamespace(ns).withName(name).get();
  }

  List<String> podNames(String ns) {
    return client.pods().inNamespace(ns).list().getItems().stream()
        .map(p -> p.getMetadata().getName())
        .sorted()
        .toList();
  }

  /** Forgets the requests made so far: {@link #calls()} then lists only later ones. */
  void forgetCalls() {
    calls();
  }

  /** The requests made since the last call, as "METHOD path". */
  List<String> calls() {
    List<String> calls = new ArrayList<>();
    int count = server.getRequestCount();
    try {
      for (; seen < count; seen++) {
        RecordedRequest request = server.takeRequest();
        calls.add(request.getMethod() + " " + request.getPath());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return calls;
  }

  /** The bodies of the requests made since the last call, with their "METHOD path". */
  List<RecordedRequest> requests() {
    List<RecordedRequest> requests = new ArrayList<>();
    int count = server.getRequestCount();
    try {
      for (; seen < count; seen++) {
        requests.add(server.takeRequest());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return requests;
  }
}
