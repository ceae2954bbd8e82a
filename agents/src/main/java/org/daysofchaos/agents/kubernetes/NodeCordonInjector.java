package org.daysofchaos.agents.kubernetes;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.NodeCordon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kubernetes/node-cordon}: cordons a node that opted in and, with {@code drain}, evicts the
 * pods of the opted-in namespaces from it; the revert uncordons it (evicted pods run elsewhere).
 */
@AutoService(KubernetesFaultInjector.class)
public final class NodeCordonInjector extends KubernetesFaultInjector<NodeCordon> {
  private static final Logger LOG = LoggerFactory.getLogger(NodeCordonInjector.class);
  private static final String ORIGINAL = "originalUnschedulable";

  public NodeCordonInjector(KubernetesBackend backend) {
    super(NodeCordon.class, backend);
  }

  @Override
  Map<String, String> originals() {
    return Map.of(ORIGINAL, Annotations.ORIGINAL_UNSCHEDULABLE);
  }

  @Override
  Mark apply(NodeCordon fault, Target target, KubernetesTarget where, InjectionContext context) {
    Node node = Guard.node(client(), target, where.name());
    String object = "node " + where.name();
    Guard.notInjected(target, object, node);
    if (cordoned(node)) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": "
              + object
              + " is already cordoned by someone else; not touching it");
    }
    List<Pod> evict = List.of();
    if (fault.drain()) {
      evict = Pods.evictable(client(), where.name(), backend().allowedNamespaces());
      Guard.blastRadius(target, kind(), evict.size(), fault.maxPods(), "evict");
    }
    Mark mark = mark("node", "", where.name(), context, Map.of(ORIGINAL, "false"));
    markOn(mark, node.getMetadata());
    spec(node).setUnschedulable(true);
    client().resource(node).update();
    evict.forEach(this::evict);
    return mark;
  }

  private void evict(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    try {
      if (!client().pods().inNamespace(ns).withName(name).evict()) {
        LOG.warn("pod {}/{} was not evicted: a PodDisruptionBudget forbids it now", ns, name);
      }
    } catch (RuntimeException e) {
      LOG.warn("pod {}/{} could not be evicted: {}", ns, name, e.getMessage());
    }
  }

  @Override
  void revert(Mark mark) {
    Reverts.retryOnConflict(
        () -> {
          Node node = client().nodes().withName(mark.name()).get();
          if (node == null || !mark.isOn(node)) {
            return;
          }
          spec(node).setUnschedulable(wasUnschedulable(mark) ? Boolean.TRUE : null);
          unmark(node.getMetadata());
          client().resource(node).update();
        });
  }

  @Override
  Optional<String> residue(Mark mark) {
    Node node = client().nodes().withName(mark.name()).get();
    if (node == null) {
      return Optional.empty();
    }
    if (mark.isOn(node)) {
      return Optional.of(mark.object() + " still carries injection " + mark.injection());
    }
    if (cordoned(node) && !wasUnschedulable(mark)) {
      return Optional.of(mark.object() + " is still cordoned");
    }
    return Optional.empty();
  }

  private static boolean wasUnschedulable(Mark mark) {
    return Boolean.parseBoolean(mark.original(ORIGINAL).orElse("false"));
  }

  /** Whether a node is cordoned; a node without a spec (as an API may return it) is not. */
  static boolean cordoned(Node node) {
    return node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
  }

  private static NodeSpec spec(Node node) {
    if (node.getSpec() == null) {
      node.setSpec(new NodeSpec());
    }
    return node.getSpec();
  }
}
