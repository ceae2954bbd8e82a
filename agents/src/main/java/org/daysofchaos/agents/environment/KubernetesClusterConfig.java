package org.daysofchaos.agents.environment;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.SpecException;

/**
 * A Kubernetes cluster and the namespaces a game day may touch in it. Both this list and the
 * namespace's own opt-in label ({@code daysofchaos.org/allow-chaos=true}) must agree: the cluster's
 * owners and the game's preparers each hold a key.
 */
public record KubernetesClusterConfig(
    @Doc(
            "The kubeconfig file (relative to the environment file's folder); default $KUBECONFIG,"
                + " then ~/.kube/config.")
        Optional<String> kubeconfig,
    @Doc("The kubeconfig context to use; default its current context.") Optional<String> context,
    @Default("false")
        @Doc("Use the service account of the pod the server runs in, instead of a kubeconfig.")
        boolean inCluster,
    @Doc(
            "The namespaces scenarios may touch; each must also carry the label"
                + " daysofchaos.org/allow-chaos=true.")
        List<String> namespaces) {

  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  public KubernetesClusterConfig {
    if (inCluster && (kubeconfig.isPresent() || context.isPresent())) {
      throw new SpecException(
          "inCluster", "give inCluster: true or a kubeconfig and context, not both");
    }
    if (namespaces.isEmpty()) {
      throw new SpecException("namespaces", "name at least one namespace that scenarios may touch");
    }
    Set<String> seen = new HashSet<>();
    for (String ns : namespaces) {
      if (!NAMESPACE.matcher(ns).matches()) {
        throw new SpecException(
            "namespaces", "'" + ns + "' is not a namespace name (lower-case letters, digits, '-')");
      }
      if (!seen.add(ns)) {
        throw new SpecException("namespaces", ns + " is listed twice");
      }
    }
    namespaces = List.copyOf(namespaces);
  }
}
