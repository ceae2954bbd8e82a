package org.daysofchaos.agents.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.Target;
import org.daysofchaos.experiments.host.AgentTarget;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.targets.ProcessTarget;
import org.daysofchaos.experiments.targets.ProxyTarget;

/**
 * Whether an environment names every system a scenario's targets need: the Toxiproxy server of a
 * proxy, the process, the Kubernetes namespace, the host agent. Read from the files alone, before
 * the day; the live pre-flight also asks the systems themselves.
 */
public final class Coverage {
  private Coverage() {}

  /** One line per target the environment does not cover, naming the scenario and the target. */
  public static List<String> gaps(Environment env, List<Scenario> scenarios) {
    List<String> gaps = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      for (Target target : scenario.targets().values()) {
        String gap = gap(env, target);
        if (gap != null) {
          gaps.add(scenario.id() + ": target " + target.name() + ": " + gap);
        }
      }
    }
    return gaps;
  }

  private static String gap(Environment env, Target target) {
    if (target.spec(ProxyTarget.class).isPresent()) {
      String server = target.spec(ProxyTarget.class).get().server().orElse("default");
      return env.toxiproxy().containsKey(server)
          ? null
          : "the environment names no toxiproxy server '"
              + server
              + "'"
              + known(env.toxiproxy().keySet());
    }
    if (target.spec(ProcessTarget.class).isPresent()) {
      String process = target.spec(ProcessTarget.class).get().process();
      return env.processes().containsKey(process)
          ? null
          : "the environment names no process '" + process + "'" + known(env.processes().keySet());
    }
    if (target.spec(AgentTarget.class).isPresent()) {
      String agent = target.spec(AgentTarget.class).get().agent();
      return env.agents().contains(agent)
          ? null
          : "the environment names no agent '"
              + agent
              + "'"
              + known(new java.util.LinkedHashSet<>(env.agents()));
    }
    if (target.spec(KubernetesTarget.class).isPresent()) {
      return kubernetesGap(env, target.spec(KubernetesTarget.class).get());
    }
    return null;
  }

  private static String kubernetesGap(Environment env, KubernetesTarget where) {
    Map<String, KubernetesClusterConfig> clusters = env.kubernetes();
    if (clusters.isEmpty()) {
      return "the environment names no Kubernetes cluster";
    }
    if (where.cluster().isEmpty() && clusters.size() > 1) {
      return "the environment names several Kubernetes clusters"
          + known(clusters.keySet())
          + "; say which with cluster:";
    }
    String name = where.cluster().orElse(clusters.keySet().iterator().next());
    KubernetesClusterConfig cluster = clusters.get(name);
    if (cluster == null) {
      return "the environment names no Kubernetes cluster '"
          + name
          + "'"
          + known(clusters.keySet());
    }
    return where
        .namespace()
        .filter(ns -> !cluster.namespaces().contains(ns))
        .map(
            ns ->
                "namespace "
                    + ns
                    + " is not among the namespaces the environment allows on the cluster "
                    + name)
        .orElse(null);
  }

  private static String known(Set<String> names) {
    return names.isEmpty() ? " (it names none)" : " (it names " + String.join(", ", names) + ")";
  }
}
