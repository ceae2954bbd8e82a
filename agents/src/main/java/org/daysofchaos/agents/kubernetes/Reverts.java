package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reverts a {@link Mark} and checks that it is gone, from the mark alone: the same code serves a
 * live revert, a revert from the ledger after a crash, and a clean-up from annotations. A revert
 * only touches an object that still carries this very injection, so it is idempotent and never
 * undoes someone else's change.
 */
final class Reverts {
  static final String POD_KILL = "kubernetes/pod-kill";
  static final String SCALE = "kubernetes/scale";
  static final String ROLLOUT_RESTART = "kubernetes/rollout-restart";
  static final String PARTITION = "kubernetes/partition";
  static final String NODE_CORDON = "kubernetes/node-cordon";
  static final String CONFIG_CHANGE = "kubernetes/config-change";
  static final String ENV_CHANGE = "kubernetes/env-change";

  private static final int ATTEMPTS = 5;

  private Reverts() {}

  static void revert(KubernetesClient client, Mark mark) {
    switch (mark.kind()) {
      case POD_KILL -> {
        // Killed pods are gone; their controllers start new ones. Nothing to put back.
      }
      case SCALE, ROLLOUT_RESTART, ENV_CHANGE ->
          retryOnConflict(() -> revertWorkload(client, mark));
      case PARTITION -> deletePolicy(client, mark);
      case NODE_CORDON -> retryOnConflict(() -> uncordon(client, mark));
      case CONFIG_CHANGE -> retryOnConflict(() -> restoreConfigMap(client, mark));
      default ->
          throw new IllegalArgumentException("no revert for kubernetes fault " + mark.kind());
    }
  }

  /** What is still in effect, or empty when the object is back as it was. */
  static Optional<String> residue(KubernetesClient client, Mark mark) {
    return switch (mark.kind()) {
      case POD_KILL -> Optional.empty();
      case SCALE, ROLLOUT_RESTART, ENV_CHANGE -> workloadResidue(client, mark);
      case PARTITION -> policyResidue(client, mark);
      case NODE_CORDON -> nodeResidue(client, mark);
      case CONFIG_CHANGE -> configMapResidue(client, mark);
      default -> Optional.of("unknown kubernetes fault " + mark.kind());
    };
  }

  // --- workloads: scale, rollout restart, environment
  // ---------------------------------------------

  private static void revertWorkload(KubernetesClient client, Mark mark) {
    Optional<Workload> found = Workload.get(client, mark.resource(), mark.namespace(), mark.name());
    if (found.isEmpty() || !mark.isOn(found.get().object())) {
      return;
    }
    Workload workload = found.get();
    if (mark.kind().equals(SCALE)) {
      workload.setReplicas(Integer.parseInt(required(mark, "originalReplicas")));
    } else if (mark.kind().equals(ENV_CHANGE)) {
      restoreEnv(client, workload, mark);
    }
    Mark.stripFrom(workload.metadata());
    workload.update(client);
  }

  private static void restoreEnv(KubernetesClient client, Workload workload, Mark mark) {
    String name = required(mark, "env");
    Optional<Container> container = container(workload, required(mark, "container"));
    if (container.isEmpty()) {
      return;
    }
    List<EnvVar> env = new ArrayList<>(orEmpty(container.get().getEnv()));
    int index = indexOf(env, name);
    if (Boolean.parseBoolean(required(mark, "originalPresent"))) {
      EnvVar original =
          client
              .getKubernetesSerialization()
              .unmarshal(required(mark, "originalEnv"), EnvVar.class);
      if (index >= 0) {
        env.set(index, original);
      } else {
        env.add(original);
      }
    } else if (index >= 0) {
      env.remove(index);
    }
    container.get().setEnv(env);
  }

  private static Optional<String> workloadResidue(KubernetesClient client, Mark mark) {
    Optional<Workload> found = Workload.get(client, mark.resource(), mark.namespace(), mark.name());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Workload workload = found.get();
    if (mark.isOn(workload.object())) {
      return Optional.of(mark.object() + " still carries injection " + mark.injection());
    }
    if (mark.kind().equals(SCALE)) {
      int original = Integer.parseInt(required(mark, "originalReplicas"));
      if (workload.replicas() != original) {
        return Optional.of(
            mark.object()
                + " has "
                + workload.replicas()
                + " replicas, not the original "
                + original);
      }
    }
    if (mark.kind().equals(ENV_CHANGE)) {
      Optional<Container> container = container(workload, required(mark, "container"));
      if (container.isPresent()) {
        List<EnvVar> env = orEmpty(container.get().getEnv());
        int index = indexOf(env, required(mark, "env"));
        EnvVar now = index < 0 ? null : env.get(index);
        EnvVar original =
            Boolean.parseBoolean(required(mark, "originalPresent"))
                ? client
                    .getKubernetesSerialization()
                    .unmarshal(required(mark, "originalEnv"), EnvVar.class)
                : null;
        if (!Objects.equals(now, original)) {
          return Optional.of(
              mark.object()
                  + ": "
                  + required(mark, "env")
                  + " is "
                  + (now == null ? "absent" : client.getKubernetesSerialization().asJson(now))
                  + ", not as before the fault");
        }
      }
    }
    return Optional.empty();
  }

  static Optional<Container> container(Workload workload, String name) {
    return orEmpty(workload.template().getSpec().getContainers()).stream()
        .filter(c -> name.equals(c.getName()))
        .findFirst();
  }

  static int indexOf(List<EnvVar> env, String name) {
    for (int i = 0; i < env.size(); i++) {
      if (name.equals(env.get(i).getName())) {
        return i;
      }
    }
    return -1;
  }

  // --- network partition -----------------------------------------------------------------------

  private static NetworkPolicy policy(KubernetesClient client, Mark mark) {
    return client
        .network()
        .v1()
        .networkPolicies()
        .inNamespace(mark.namespace())
        .withName(mark.name())
        .get();
  }

  private static void deletePolicy(KubernetesClient client, Mark mark) {
    NetworkPolicy policy = policy(client, mark);
    if (policy != null && mark.isOn(policy)) {
      client
          .network()
          .v1()
          .networkPolicies()
          .inNamespace(mark.namespace())
          .withName(mark.name())
          .delete();
    }
  }

  private static Optional<String> policyResidue(KubernetesClient client, Mark mark) {
    NetworkPolicy policy = policy(client, mark);
    return policy != null && mark.isOn(policy)
        ? Optional.of(mark.object() + " still exists")
        : Optional.empty();
  }

  // --- node cordon -----------------------------------------------------------------------------

  private static void uncordon(KubernetesClient client, Mark mark) {
    Node node = client.nodes().withName(mark.name()).get();
    if (node == null || !mark.isOn(node)) {
      return;
    }
    node.getSpec()
        .setUnschedulable(
            Boolean.parseBoolean(mark.original("originalUnschedulable").orElse("false"))
                ? Boolean.TRUE
                : null);
    Mark.stripFrom(node.getMetadata());
    client.resource(node).update();
  }

  private static Optional<String> nodeResidue(KubernetesClient client, Mark mark) {
    Node node = client.nodes().withName(mark.name()).get();
    if (node == null) {
      return Optional.empty();
    }
    if (mark.isOn(node)) {
      return Optional.of(mark.object() + " still carries injection " + mark.injection());
    }
    boolean original = Boolean.parseBoolean(mark.original("originalUnschedulable").orElse("false"));
    if (Boolean.TRUE.equals(node.getSpec().getUnschedulable()) && !original) {
      return Optional.of(mark.object() + " is still cordoned");
    }
    return Optional.empty();
  }

  // --- ConfigMap key ---------------------------------------------------------------------------

  private static ConfigMap configMap(KubernetesClient client, Mark mark) {
    return client.configMaps().inNamespace(mark.namespace()).withName(mark.name()).get();
  }

  private static void restoreConfigMap(KubernetesClient client, Mark mark) {
    ConfigMap configMap = configMap(client, mark);
    if (configMap == null || !mark.isOn(configMap)) {
      return;
    }
    Map<String, String> data = new LinkedHashMap<>(Mark.orEmpty(configMap.getData()));
    String key = required(mark, "key");
    if (Boolean.parseBoolean(required(mark, "originalPresent"))) {
      data.put(key, mark.original("originalValue").orElse(""));
    } else {
      data.remove(key);
    }
    configMap.setData(data);
    Mark.stripFrom(configMap.getMetadata());
    client.resource(configMap).update();
  }

  private static Optional<String> configMapResidue(KubernetesClient client, Mark mark) {
    ConfigMap configMap = configMap(client, mark);
    if (configMap == null) {
      return Optional.empty();
    }
    if (mark.isOn(configMap)) {
      return Optional.of(mark.object() + " still carries injection " + mark.injection());
    }
    String key = required(mark, "key");
    Map<String, String> data = Mark.orEmpty(configMap.getData());
    boolean present = Boolean.parseBoolean(required(mark, "originalPresent"));
    String original = present ? mark.original("originalValue").orElse("") : null;
    if (!Objects.equals(data.get(key), original)) {
      return Optional.of(
          mark.object()
              + ": key "
              + key
              + (data.containsKey(key) ? " differs from its value before the fault" : " is absent")
              + (present ? "" : ", and it did not exist before the fault"));
    }
    return Optional.empty();
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static String required(Mark mark, String key) {
    return mark.original(key)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "injection "
                        + mark.injection()
                        + " on "
                        + mark.object()
                        + " does not say its "
                        + key));
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * Runs a read-modify-write; on a conflict (someone changed the object between our read and our
   * write) reads again and retries, a few times.
   */
  static void retryOnConflict(Runnable readModifyWrite) {
    for (int attempt = 1; ; attempt++) {
      try {
        readModifyWrite.run();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  static <T> T retryOnConflict(Supplier<T> readModifyWrite) {
    for (int attempt = 1; ; attempt++) {
      try {
        return readModifyWrite.get();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
