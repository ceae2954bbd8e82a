package org.daysofchaos.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A concrete thing a scenario may break, as named in its {@code targets} section.
 *
 * @param name the scenario's name for it ({@code payment-link})
 * @param type what kind of thing it is
 * @param ref the thing's own name where it lives (the proxy name, the process name)
 * @param server the configured server that holds it, or empty for the default one
 */
public record Target(String name, TargetType type, String ref, Optional<String> server) {
  public Target {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(server, "server");
  }

  public static Target proxy(String name, String proxy) {
    return new Target(name, TargetType.PROXY, proxy, Optional.empty());
  }

  public static Target process(String name, String process) {
    return new Target(name, TargetType.PROCESS, process, Optional.empty());
  }

  /** "proxy payment" or "proxy payment on server preprod-1". */
  public String describe() {
    return type.yamlName() + " " + ref + server.map(s -> " on server " + s).orElse("");
  }
}
