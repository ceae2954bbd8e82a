package org.daysofchaos.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A concrete thing a scenario may break, as named in its {@code targets} section.
 *
 * @param name the scenario's name for it ({@code payment-link})
 * @param spec what and where it is: a record of a target kind, such as a proxy or a process
 */
public record Target(String name, TargetSpec spec) {
  public Target {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
  }

  /** The spec, if this target is of the kind {@code type}: how an injector reads its target. */
  public <T extends TargetSpec> Optional<T> spec(Class<T> type) {
    return type.isInstance(spec) ? Optional.of(type.cast(spec)) : Optional.empty();
  }

  /** "proxy payment", "proxy payment on server preprod-1", "process inventory". */
  public String describe() {
    return spec.describe();
  }
}
