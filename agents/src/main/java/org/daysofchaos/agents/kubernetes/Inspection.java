package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.TargetKinds;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;

/**
 * The dry run of a Kubernetes target: the guard's verdict and the target's state now, with its
 * pods' recent restarts and warning events. Only reads.
 */
final class Inspection {
  /** How far back a dry run looks for restarts and warning events. */
  static final Duration WINDOW = Duration.ofHours(1);

  private static final int EVENTS_SHOWN = 3;

  private Inspection() {}

  static String describe(
      KubernetesClient client, Clock clock, Target target, Supplier<List<String>> allowed) {
    KubernetesTarget where = TargetKinds.require(target, KubernetesTarget.class);
    return switch (where.resource()) {
      case NODE -> node(client, target, where, allowed.get());
      case CONFIG_MAP -> configMap(client, target, where);
      case PODS -> {
        String ns = where.namespace().orElseThrow();
        Guard.namespace(client, target, ns);
        yield pods(
            client,
            clock,
            ns,
            Pods.matching(
                client, ns, new LabelSelectorBuilder().withMatchLabels(where.selector()).build()));
      }
      case DEPLOYMENT, STATEFULSET -> {
        String ns = where.namespace().orElseThrow();
        Guard.namespace(client, target, ns);
        Workload workload = Workload.require(client, target, where.resource(), ns, where.name());
        yield workload.replicas()
            + " replicas, "
            + workload.availableReplicas()
            + " available; "
            + pods(client, clock, ns, Pods.matching(client, ns, workload.selector()))
            + injected(workload.object());
      }
    };
  }

  private static String node(
      KubernetesClient client, Target target, KubernetesTarget where, List<String> allowed) {
    Node node = Guard.node(client, target, where.name());
    List<Pod> evictable = Pods.evictable(client, where.name(), allowed);
    return (NodeCordonInjector.cordoned(node) ? "cordoned" : "schedulable")
        + "; "
        + evictable.size()
        + " pods of opted-in namespaces run on it (a drain would evict them)"
        + injected(node);
  }

  private static String configMap(KubernetesClient client, Target target, KubernetesTarget where) {
    String ns = where.namespace().orElseThrow();
    Guard.namespace(client, target, ns);
    ConfigMap configMap = client.configMaps().inNamespace(ns).withName(where.name()).get();
    if (configMap == null) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": there is no configmap "
              + where.name()
              + " in namespace "
              + ns);
    }
    Map<String, String> data = Mark.orEmpty(configMap.getData());
    return "keys: "
        + (data.isEmpty() ? "none" : String.join(", ", new TreeSet<>(data.keySet())))
        + (Boolean.TRUE.equals(configMap.getImmutable()) ? " (immutable)" : "")
        + injected(configMap);
  }

  /** "3 pods, 3 ready; restarts in the last 1h: none; warnings: none". */
  static String pods(KubernetesClient client, Clock clock, String namespace, List<Pod> pods) {
    Instant since = clock.instant().minus(WINDOW);
    long ready = pods.stream().filter(Pods::ready).count();
    List<String> restarted = Pods.restartedSince(pods, since);
    List<String> warnings =
        Pods.warnings(
            client,
            namespace,
            pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet()),
            since,
            EVENTS_SHOWN);
    return pods.size()
        + (pods.size() == 1 ? " pod, " : " pods, ")
        + ready
        + " ready; restarts in the last "
        + Durations.format(WINDOW)
        + ": "
        + (restarted.isEmpty() ? "none" : String.join(", ", restarted))
        + "; warnings: "
        + (warnings.isEmpty() ? "none" : String.join("; ", warnings));
  }

  private static String injected(HasMetadata object) {
    Map<String, String> annotations = Mark.orEmpty(object.getMetadata().getAnnotations());
    String injection = annotations.get(Annotations.INJECTION);
    return injection == null
        ? ""
        : "; carries injection "
            + injection
            + " ("
            + annotations.getOrDefault(Annotations.FAULT, "?")
            + ", expires "
            + annotations.getOrDefault(Annotations.EXPIRES_AT, "?")
            + ")";
  }
}
