package org.daysofchaos.experiments.kubernetes;

import java.util.Optional;

/**
 * What names the Kubernetes cluster it is on: a target, or a probe. Empty means the only cluster of
 * the run; with several clusters in the environment file, the cluster must be named.
 */
public interface OnCluster {
  /** The cluster by its name in the environment file, or empty for the only one. */
  Optional<String> cluster();
}
