package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Connects to a cluster the way kubectl does: a kubeconfig file ({@code --kubeconfig}, else {@code
 * $KUBECONFIG}, else {@code ~/.kube/config}) and one of its contexts (the current one by default),
 * or, inside a pod, its service account.
 */
public final class KubernetesClients {
  private static final int REQUEST_TIMEOUT_MS = 15_000;
  private static final int CONNECTION_TIMEOUT_MS = 5_000;

  private KubernetesClients() {}

  /**
   * @param kubeconfig a kubeconfig file; fabric8's default discovery when empty
   * @param context a context of the kubeconfig; its current context when empty
   * @throws IllegalArgumentException when the kubeconfig file does not exist
   */
  public static KubernetesClient connect(Optional<Path> kubeconfig, Optional<String> context) {
    Config config;
    if (kubeconfig.isPresent()) {
      if (!Files.isRegularFile(kubeconfig.get())) {
        throw new IllegalArgumentException("no kubeconfig file at " + kubeconfig.get());
      }
      config = Config.fromKubeconfig(context.orElse(null), kubeconfig.get().toFile());
    } else {
      config = Config.autoConfigure(context.orElse(null));
    }
    config.setRequestTimeout(REQUEST_TIMEOUT_MS);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** The API server a client talks to, as revert records name it. */
  public static String cluster(KubernetesClient client) {
    String url = client.getMasterUrl().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
