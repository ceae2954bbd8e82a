package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.TargetRefusedException;

/**
 * The pre-production guard: a namespace or a node can be targeted only if it carries the opt-in
 * label {@code daysofchaos.org/allow-chaos=true}, and a fault never touches more pods than its
 * {@code maxPods}. Every check reads; none writes. Injectors call it before any mutating call.
 */
final class Guard {
  private static final String RULE = Annotations.ALLOW_CHAOS + "=" + Annotations.ALLOWED;

  private Guard() {}

  /**
   * @throws TargetRefusedException when the namespace does not exist or has not opted in
   */
  static Namespace namespace(KubernetesClient client, Target target, String namespace) {
    Namespace ns = client.namespaces().withName(namespace).get();
    if (ns == null) {
      throw new TargetRefusedException(
          "target "
              + target.name()
              + ": namespace "
              + namespace
              + " does not exist (only namespaces labelled "
              + RULE
              + " can be targeted)");
    }
    if (!optedIn(ns)) {
      throw new TargetRefusedException(
          "target "
              + target.name()
              + ": namespace "
              + namespace
              + " does not carry the label "
              + RULE
              + "; only namespaces that opt in can be targeted (kubectl label namespace "
              + namespace
              + " "
              + RULE
              + ")");
    }
    return ns;
  }

  /**
   * @throws TargetRefusedException when the node does not exist or has not opted in
   */
  static Node node(KubernetesClient client, Target target, String name) {
    Node node = client.nodes().withName(name).get();
    if (node == null) {
      throw new TargetRefusedException(
          "target " + target.name() + ": node " + name + " does not exist");
    }
    if (!optedIn(node)) {
      throw new TargetRefusedException(
          "target "
              + target.name()
              + ": node "
              + name
              + " does not carry the label "
              + RULE
              + "; only nodes that opt in can be targeted (kubectl label node "
              + name
              + " "
              + RULE
              + ")");
    }
    return node;
  }

  /** The namespaces that opted in, by name. */
  static List<String> allowedNamespaces(KubernetesClient client) {
    return client
        .namespaces()
        .withLabel(Annotations.ALLOW_CHAOS, Annotations.ALLOWED)
        .list()
        .getItems()
        .stream()
        .filter(Guard::optedIn)
        .map(n -> n.getMetadata().getName())
        .sorted()
        .toList();
  }

  static boolean optedIn(HasMetadata object) {
    return Annotations.ALLOWED.equals(
        Mark.orEmpty(object.getMetadata().getLabels()).get(Annotations.ALLOW_CHAOS));
  }

  /**
   * @throws TargetRefusedException when {@code pods} exceeds {@code maxPods}
   */
  static void blastRadius(Target target, String kind, int pods, int maxPods, String what) {
    if (pods > maxPods) {
      throw new TargetRefusedException(
          "target "
              + target.name()
              + ": "
              + kind
              + " would "
              + what
              + " "
              + pods
              + (pods == 1 ? " pod" : " pods")
              + ", more than its maxPods of "
              + maxPods
              + " (the blast radius the scenario allows)");
    }
  }

  /**
   * @throws IllegalStateException when the object already carries an injection of ours
   */
  static void notInjected(Target target, String object, HasMetadata current) {
    Mark.injectionOn(current)
        .ifPresent(
            other -> {
              throw new IllegalStateException(
                  "target "
                      + target.name()
                      + ": "
                      + object
                      + " already carries injection "
                      + other
                      + " (annotation "
                      + Annotations.INJECTION
                      + "); one injection per object at a time, not touching it");
            });
  }
}
