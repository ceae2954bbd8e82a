package org.daysofchaos.experiments.kubernetes;

import com.google.auto.service.AutoService;
import java.util.Map;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
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
        Integer minReady)
    implements ProbeSpec {

  public PodsReady {
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
