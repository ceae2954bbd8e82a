package org.daysofchaos.scoreboard.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Optional;
import org.daysofchaos.agents.kubernetes.KubernetesClients;
import picocli.CommandLine.Option;

/**
 * Where the Kubernetes cluster is: a kubeconfig and one of its contexts, as kubectl finds them
 * ({@code --kubeconfig}, else {@code $KUBECONFIG}, else {@code ~/.kube/config}; the current
 * context), or, inside a pod, its service account.
 */
class KubernetesOptions {
  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "The kubeconfig of the Kubernetes cluster (default: $KUBECONFIG, ~/.kube/config, or the"
              + " pod's service account).")
  Path kubeconfig;

  @Option(
      names = {"--kube-context", "--context"},
      paramLabel = "NAME",
      description = "The kubeconfig context to use (default: the current context).")
  String context;

  /** Whether a kubeconfig or a context was given, which asks for Kubernetes by itself. */
  boolean given() {
    return kubeconfig != null || context != null;
  }

  KubernetesClient connect() {
    try {
      return KubernetesClients.connect(
          Optional.ofNullable(kubeconfig), Optional.ofNullable(context));
    } catch (IllegalArgumentException e) {
      throw new UserError("--kubeconfig: " + e.getMessage());
    }
  }
}
