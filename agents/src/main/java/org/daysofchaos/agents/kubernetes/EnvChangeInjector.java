package org.daysofchaos.agents.kubernetes;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.experiments.kubernetes.EnvChange;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;

/**
 * {@code kubernetes/env-change}: sets an environment variable of a container of a workload's pod
 * template (a rollout); the revert restores the exact previous definition ({@code value} or {@code
 * valueFrom}), or removes a variable that did not exist, which rolls out again.
 */
@AutoService(KubernetesFaultInjector.class)
public final class EnvChangeInjector extends KubernetesFaultInjector<EnvChange> {
  private static final String CONTAINER = "container";
  private static final String ENV = "env";
  private static final String PRESENT = "originalPresent";
  private static final String ORIGINAL = "originalEnv";

  public EnvChangeInjector(KubernetesBackend backend) {
    super(EnvChange.class, backend);
  }

  @Override
  Map<String, String> originals() {
    return Map.of(
        CONTAINER, Annotations.ENV_CONTAINER,
        ENV, Annotations.ENV_NAME,
        PRESENT, Annotations.ORIGINAL_PRESENT,
        ORIGINAL, Annotations.ORIGINAL_ENV);
  }

  @Override
  Mark apply(EnvChange fault, Target target, KubernetesTarget where, InjectionContext context) {
    String ns = namespace(where);
    Guard.namespace(client(), target, ns);
    Workload workload = Workload.require(client(), target, where.resource(), ns, where.name());
    Guard.notInjected(target, workload.describe(), workload.object());
    Guard.blastRadius(target, kind(), workload.replicas(), fault.maxPods(), "roll out");
    Container container = Workload.container(target, workload, fault.container());
    List<EnvVar> env = new ArrayList<>(Reverts.orEmpty(container.getEnv()));
    int index = Reverts.indexOf(env, fault.name());
    Map<String, String> originals = new LinkedHashMap<>();
    originals.put(CONTAINER, container.getName());
    originals.put(ENV, fault.name());
    originals.put(PRESENT, Boolean.toString(index >= 0));
    if (index >= 0) {
      originals.put(ORIGINAL, client().getKubernetesSerialization().asJson(env.get(index)));
    }
    EnvVar bad = new EnvVarBuilder().withName(fault.name()).withValue(fault.value()).build();
    if (index >= 0) {
      env.set(index, bad);
    } else {
      env.add(bad);
    }
    container.setEnv(env);
    Mark mark = mark(workload.noun(), ns, where.name(), context, originals);
    markOn(mark, workload.metadata());
    workload.update(client());
    return mark;
  }

  @Override
  void revert(Mark mark) {
    Reverts.revertWorkload(this, mark, w -> restore(w, mark));
  }

  private void restore(Workload workload, Mark mark) {
    Optional<Container> container = Reverts.container(workload, Reverts.required(mark, CONTAINER));
    if (container.isEmpty()) {
      return;
    }
    List<EnvVar> env = new ArrayList<>(Reverts.orEmpty(container.get().getEnv()));
    int index = Reverts.indexOf(env, Reverts.required(mark, ENV));
    EnvVar original = original(mark);
    if (original != null) {
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

  @Override
  Optional<String> residue(Mark mark) {
    return Reverts.workloadResidue(client(), mark, w -> differs(w, mark));
  }

  private Optional<String> differs(Workload workload, Mark mark) {
    Optional<Container> container = Reverts.container(workload, Reverts.required(mark, CONTAINER));
    if (container.isEmpty()) {
      return Optional.empty();
    }
    List<EnvVar> env = Reverts.orEmpty(container.get().getEnv());
    int index = Reverts.indexOf(env, Reverts.required(mark, ENV));
    EnvVar now = index < 0 ? null : env.get(index);
    if (Objects.equals(now, original(mark))) {
      return Optional.empty();
    }
    return Optional.of(
        mark.object()
            + ": "
            + Reverts.required(mark, ENV)
            + " is "
            + (now == null ? "absent" : client().getKubernetesSerialization().asJson(now))
            + ", not as before the fault");
  }

  /** The variable's definition before the fault, or null when it did not exist. */
  private EnvVar original(Mark mark) {
    return Boolean.parseBoolean(Reverts.required(mark, PRESENT))
        ? client()
            .getKubernetesSerialization()
            .unmarshal(Reverts.required(mark, ORIGINAL), EnvVar.class)
        : null;
  }
}
