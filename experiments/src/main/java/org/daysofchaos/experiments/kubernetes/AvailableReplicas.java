package org.daysofchaos.experiments.kubernetes;

import com.google.auto.service.AutoService;
import java.util.Optional;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.NotBlank;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.core.spec.SpecException;

/** Holds when a deployment has enough available replicas. */
@AutoService(ProbeSpec.class)
@Kind(
    value = "kubernetes/available-replicas",
    doc = "Holds when a deployment has its desired replicas available, or at least min.")
public record AvailableReplicas(
    @Doc("The namespace of the deployment.") String namespace,
    @Doc("The deployment's name.") String deployment,
    @Doc("How many available replicas are enough; if absent, the deployment's desired replicas.")
        @Default("")
        @Range(min = 0)
        Integer min,
    @NotBlank
        @Doc("The cluster, by its name in the environment file; needed only when it names several.")
        Optional<String> cluster)
    implements ProbeSpec, OnCluster {

  public AvailableReplicas {
    cluster = cluster == null ? Optional.empty() : cluster;
    String clusterProblem = cluster.map(KubernetesTarget::clusterProblem).orElse(null);
    if (clusterProblem != null) {
      throw new SpecException("cluster", clusterProblem);
    }
    String problem = KubernetesTarget.namespaceProblem(namespace);
    if (problem != null) {
      throw new SpecException("namespace", problem);
    }
    problem = KubernetesTarget.nameProblem(deployment);
    if (problem != null) {
      throw new SpecException("deployment", problem);
    }
  }

  /** On the only cluster of the run. */
  public AvailableReplicas(String namespace, String deployment, Integer min) {
    this(namespace, deployment, min, Optional.empty());
  }

  @Override
  public String describe() {
    return "deployment "
        + deployment
        + " in "
        + namespace
        + " has "
        + (min == null ? "all its desired" : "at least " + min)
        + " replicas available";
  }
}
