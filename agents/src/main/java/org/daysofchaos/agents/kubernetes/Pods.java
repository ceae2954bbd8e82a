package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reading pods: which match, which run, which are ready, which restarted, what went wrong. */
final class Pods {
  /** The annotation of mirror (static) pods, which the API cannot delete or evict. */
  private static final String MIRROR = "kubernetes.io/config.mirror";

  private Pods() {}

  static List<Pod> matching(KubernetesClient client, String namespace, LabelSelector selector) {
    return client.pods().inNamespace(namespace).withLabelSelector(selector).list().getItems();
  }

  static List<Pod> matching(KubernetesClient client, String namespace, Map<String, String> labels) {
    return client.pods().inNamespace(namespace).withLabels(labels).list().getItems();
  }

  /** Pods that run and are not being deleted already. */
  static List<Pod> running(List<Pod> pods) {
    return pods.stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
        .toList();
  }

  static boolean ready(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * The pods a drain of {@code node} evicts: those of the opted-in namespaces that still run or
   * wait, except DaemonSet pods (their controller ignores cordons) and mirror pods.
   */
  static List<Pod> evictable(KubernetesClient client, String node, Collection<String> namespaces) {
    List<Pod> pods = new ArrayList<>();
    for (String namespace : namespaces) {
      for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
        if (pod.getSpec() != null
            && node.equals(pod.getSpec().getNodeName())
            && !finished(pod)
            && !daemon(pod)
            && !Mark.orEmpty(pod.getMetadata().getAnnotations()).containsKey(MIRROR)) {
          pods.add(pod);
        }
      }
    }
    pods.sort(
        Comparator.comparing((Pod p) -> p.getMetadata().getNamespace())
            .thenComparing(p -> p.getMetadata().getName()));
    return pods;
  }

  private static boolean finished(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static boolean daemon(Pod pod) {
    List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
    return owners != null && owners.stream().anyMatch(o -> "DaemonSet".equals(o.getKind()));
  }

  /**
   * The containers of {@code pods} whose last restart happened at or after {@code since}: "pod/c".
   * Kubernetes keeps the time of a container's last termination only, so a container that restarted
   * several times in the window counts once.
   */
  static List<String> restartedSince(List<Pod> pods, Instant since) {
    List<String> restarted = new ArrayList<>();
    for (Pod pod : pods) {
      if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
        continue;
      }
      for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
        Optional<Instant> last = lastTermination(status);
        if (last.isPresent() && !last.get().isBefore(since)) {
          restarted.add(pod.getMetadata().getName() + "/" + status.getName());
        }
      }
    }
    return restarted;
  }

  private static Optional<Instant> lastTermination(ContainerStatus status) {
    if (status.getRestartCount() == null
        || status.getRestartCount() == 0
        || status.getLastState() == null
        || status.getLastState().getTerminated() == null) {
      return Optional.empty();
    }
    return instant(status.getLastState().getTerminated().getFinishedAt());
  }

  /**
   * The recent warning events about {@code pods}, newest first, at most {@code limit}: "checkout-1
   * BackOff x3: Back-off restarting failed container".
   */
  static List<String> warnings(
      KubernetesClient client, String namespace, Set<String> pods, Instant since, int limit) {
    Map<String, Instant> seen = new LinkedHashMap<>();
    List<Event> events = client.v1().events().inNamespace(namespace).list().getItems();
    List<Event> relevant = new ArrayList<>();
    for (Event event : events) {
      if (!"Warning".equals(event.getType())
          || event.getInvolvedObject() == null
          || !"Pod".equals(event.getInvolvedObject().getKind())
          || !pods.contains(event.getInvolvedObject().getName())) {
        continue;
      }
      Instant at = when(event);
      if (at != null && !at.isBefore(since)) {
        relevant.add(event);
        seen.put(event.getMetadata().getName(), at);
      }
    }
    relevant.sort(
        Comparator.comparing((Event e) -> seen.get(e.getMetadata().getName())).reversed());
    return relevant.stream()
        .limit(limit)
        .map(
            e ->
                e.getInvolvedObject().getName()
                    + " "
                    + e.getReason()
                    + (e.getCount() != null && e.getCount() > 1 ? " x" + e.getCount() : "")
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())))
        .toList();
  }

  private static Instant when(Event event) {
    return instant(event.getLastTimestamp())
        .or(() -> Optional.ofNullable(event.getEventTime()).flatMap(t -> instant(t.getTime())))
        .or(() -> instant(event.getFirstTimestamp()))
        .orElse(null);
  }

  static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String oneLine(String text) {
    String line = text.replace('\n', ' ').strip();
    return line.length() > 100 ? line.substring(0, 97) + "..." : line;
  }
}
