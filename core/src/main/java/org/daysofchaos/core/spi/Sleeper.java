package org.daysofchaos.core.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits until an instant of a clock. Injected with the clock, so tests of the run loop need no real
 * time.
 */
@FunctionalInterface
public interface Sleeper {

  void sleepUntil(Instant deadline) throws InterruptedException;

  /** Sleeps on the real clock. */
  static Sleeper system(Clock clock) {
    return deadline -> {
      Duration left = Duration.between(clock.instant(), deadline);
      if (!left.isNegative() && !left.isZero()) {
        Thread.sleep(left.toMillis(), (int) (left.toNanosPart() % 1_000_000));
      } else if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    };
  }
}
