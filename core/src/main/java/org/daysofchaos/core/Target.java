package org.daysofchaos.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A concrete thing a scenario may break, as named in its {@code targets} section.
 *
 * @param name the scenario's name for it ({@code payment-link})
 * @param type what kind of thing it is
 * @param ref the thing's own name where it lives (the proxy name, the process name; for Kubernetes
 *     the object's name or the pods' selector)
 * @param server the configured server that holds it, or empty for the default one (proxies only)
 * @param kubernetes where a Kubernetes target is; present exactly for {@link TargetType#KUBERNETES}
 */
public record Target(
    String name,
    TargetType type,
    String ref,
    Optional<String> server,
    Optional<KubernetesTarget> kubernetes) {
  public Target {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(kubernetes, "kubernetes");
    if ((type == TargetType.KUBERNETES) != kubernetes.isPresent()) {
      throw new IllegalArgumentException(
          "target " + name + ": a kubernetes target, and only it, says where it is in the cluster");
    }
  }

  /** A proxy or process target. */
  public Target(String name, TargetType type, String ref, Optional<String> server) {
    this(name, type, ref, server, Optional.empty());
  }

  public static Target proxy(String name, String proxy) {
    return new Target(name, TargetType.PROXY, proxy, Optional.empty());
  }

  public static Target process(String name, String process) {
    return new Target(name, TargetType.PROCESS, process, Optional.empty());
  }

  public static Target kubernetes(String name, KubernetesTarget where) {
    return new Target(
        name, TargetType.KUBERNETES, where.ref(), Optional.empty(), Optional.of(where));
  }

  /**
   * "proxy payment", "proxy payment on server preprod-1", "kubernetes deployment checkout in
   * namespace shop".
   */
  public String describe() {
    if (kubernetes.isPresent()) {
      return type.yamlName() + " " + kubernetes.get().describe();
    }
    return type.yamlName() + " " + ref + server.map(s -> " on server " + s).orElse("");
  }
}
