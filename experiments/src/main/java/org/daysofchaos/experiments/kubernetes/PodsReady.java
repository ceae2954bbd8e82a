package org.daysofchaos.experiments.kubernetes;

import com.google.auto.service.AutoService;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.NotBlank;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.core.spec.SpecException;

/** Holds when enough of the pods of a selector are ready (their Ready condition is True). */
@AutoService(ProbeSpec.class)
@Kind(
    value = "kubernetes/pods-ready",
    doc = "Holds when the pods of a selector are ready: all of them, or at least minReady.")
public record PodsReady(
    @Doc("The namespace of the pods.") String namespace,
    @Doc("A label selector as kubectl writes it, e.g. app=checkout,tier=web.") String selector,
    @Doc("How many ready pods are enough; if absent, every matching pod (and at least one).")
        @Default("")
        @Range(min = 1)
        Integer minReady,
    @NotBlank
        @Doc("The cluster, by its name in the environment file; needed only when it names several.")
        Optional<String> cluster)
    implements ProbeSpec, OnCluster {

  public PodsReady {
    cluster = cluster == null ? Optional.empty() : cluster;
    String clusterProblem = cluster.map(KubernetesTarget::clusterProblem).orElse(null);
    if (clusterProblem != null) {
      throw new SpecException("cluster", clusterProblem);
    }
    String problem = KubernetesTarget.namespaceProblem(namespace);
    if (problem != null) {
      throw new SpecException("namespace", problem);
    }
    try {
      KubernetesTarget.parseSelector(selector);
    } catch (IllegalArgumentException e) {
      throw new SpecException("selector", e.getMessage());
    }
  }

  /** On the only cluster of the run. */
  public PodsReady(String namespace, String selector, Integer minReady) {
    this(namespace, selector, minReady, Optional.empty());
  }

  /** The selector's labels. */
  public Map<String, String> labels() {
    return KubernetesTarget.parseSelector(selector);
  }

  @Override
  public String describe() {
    return (minReady == null ? "all pods" : "at least " + minReady + " pods")
        + " "
        + selector
        + " in "
        + namespace
        + " are ready";
  }
}
