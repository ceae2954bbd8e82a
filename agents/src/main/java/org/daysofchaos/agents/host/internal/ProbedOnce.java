package org.daysofchaos.agents.host.internal;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Why a kind cannot be applied on this host, found by a probe that runs once, on first asking: the
 * probes run commands (nft, tc) whose answer does not change while the agent runs, and the agent
 * asks at its start and on every pre-flight.
 */
final class ProbedOnce {
  private final Supplier<Optional<String>> probe;
  private volatile Optional<String> reason;

  ProbedOnce(Supplier<Optional<String>> probe) {
    this.probe = probe;
  }

  /** The probe's answer: empty when the kind can be applied, else why not. */
  Optional<String> get() {
    Optional<String> known = reason;
    if (known == null) {
      known = probe.get();
      reason = known;
    }
    return known;
  }
}
