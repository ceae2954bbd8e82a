package org.daysofchaos.core;

import java.util.Optional;

/**
 * Where a fault lands: one thing a scenario names in its {@code targets}, such as a proxy or a
 * process. Implementations are immutable records of the {@code experiments} module, one per target
 * kind; the key that introduces a target in YAML is its kind ({@code proxy: payment}). How a target
 * is reached is an injector's business, not the spec's.
 */
public interface TargetSpec {

  /**
   * A one-line, human description with its kind, e.g. "proxy payment on server preprod-1" or
   * "process inventory".
   */
  String describe();

  /**
   * Why a fault of {@code faultType}, which accepts targets of this kind, still cannot act on this
   * one (a fault that resizes a group cannot act on a single member); empty when it can. The reader
   * reports it when a scenario is read, and injectors refuse the same targets.
   */
  default Optional<Mismatch> mismatch(Class<? extends FaultSpec> faultType) {
    return Optional.empty();
  }

  /**
   * A fault and a target that do not fit, as the reader says it: "KIND needs {@code needs}, but
   * 'NAME' {@code has}".
   *
   * @param needs what the fault needs, e.g. "a process target" or "a database target with a
   *     replica"
   * @param has what the target is instead, e.g. "is a proxy" or "has none"
   */
  record Mismatch(String needs, String has) {}
}
