package org.daysofchaos.core;

/** The kinds of things a scenario can aim a fault at. */
public enum TargetType {
  /** A named TCP proxy on a Toxiproxy-compatible server (embedded or real). */
  PROXY("proxy"),
  /** A local operating-system process, known by name to the process injector. */
  PROCESS("process"),
  /**
   * Something in a Kubernetes cluster: pods by selector, a deployment, a statefulset, a ConfigMap
   * or a node (see {@link KubernetesTarget}).
   */
  KUBERNETES("kubernetes");

  private final String yamlName;

  TargetType(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The key that introduces this target type in a scenario, e.g. {@code proxy: payment}. */
  public String yamlName() {
    return yamlName;
  }
}
