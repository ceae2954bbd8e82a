package org.daysofchaos.agents.kubernetes;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.PodKill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kubernetes/pod-kill}: deletes some of the running pods a target stands for, picked at
 * random; their controllers start new ones, so there is nothing to put back.
 */
@AutoService(KubernetesFaultInjector.class)
public final class PodKillInjector extends KubernetesFaultInjector<PodKill> {
  private static final Logger LOG = LoggerFactory.getLogger(PodKillInjector.class);

  public PodKillInjector(KubernetesBackend backend) {
    super(PodKill.class, backend);
  }

  @Override
  Mark apply(PodKill fault, Target target, KubernetesTarget where, InjectionContext context) {
    String ns = namespace(where);
    Guard.namespace(client(), target, ns);
    List<Pod> running = Pods.running(Pods.matching(client(), ns, selector(target, where)));
    if (running.isEmpty()) {
      throw new IllegalStateException(
          "target " + target.name() + ": no running pods match " + where.describeObject());
    }
    int count = fault.selectionSize(running.size());
    Guard.blastRadius(target, kind(), count, fault.maxPods(), "kill");
    List<String> killed = new ArrayList<>();
    for (Pod pod : choose(running, count)) {
      kill(fault, target, ns, pod.getMetadata().getName(), killed);
      killed.add(pod.getMetadata().getName());
    }
    LOG.info("killed pods {} in namespace {}", killed, ns);
    return mark("pods", ns, where.ref(), context, Map.of("pods", String.join(",", killed)));
  }

  /** {@code count} of the pods, picked by the backend's randomness from a stable order. */
  private List<Pod> choose(List<Pod> running, int count) {
    List<Pod> chosen = new ArrayList<>(running);
    chosen.sort(Comparator.comparing(p -> p.getMetadata().getName()));
    Collections.shuffle(chosen, backend().random());
    return chosen.subList(0, count);
  }

  private void kill(PodKill fault, Target target, String ns, String name, List<String> killed) {
    try {
      var resource = client().pods().inNamespace(ns).withName(name);
      if (fault.gracePeriod().isPresent()) {
        resource.withGracePeriod(fault.gracePeriod().get().toSeconds()).delete();
      } else {
        resource.delete();
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": could not kill pod "
              + name
              + (killed.isEmpty() ? "" : " (already killed: " + String.join(", ", killed) + ")")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  void revert(Mark mark) {
    // Killed pods are gone; their controllers start new ones. Nothing to put back.
  }

  @Override
  Optional<String> residue(Mark mark) {
    return Optional.empty();
  }

  @Override
  boolean leavesNothingToRevert() {
    return true;
  }
}
