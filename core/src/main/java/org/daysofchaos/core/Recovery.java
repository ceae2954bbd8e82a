package org.daysofchaos.core;

import java.time.Duration;

/**
 * When the system counts as recovered.
 *
 * @param holdFor how long the steady state must hold without interruption (one good sample is not
 *     recovery)
 * @param within how long after the fault ends we keep waiting for recovery before the verdict is
 *     DEVIATED
 */
public record Recovery(Duration holdFor, Duration within) {
  public static final Duration DEFAULT_HOLD_FOR = Duration.ofSeconds(10);
  public static final Duration DEFAULT_WITHIN = Duration.ofMinutes(5);

  public static Recovery defaults() {
    return new Recovery(DEFAULT_HOLD_FOR, DEFAULT_WITHIN);
  }
}
