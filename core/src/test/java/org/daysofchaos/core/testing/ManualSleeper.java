package org.daysofchaos.core.testing;

import java.time.Instant;
import java.util.function.Predicate;
import org.daysofchaos.core.spi.Sleeper;

/**
 * Sleeps by moving a {@link ManualClock}: a run of twenty minutes takes milliseconds. It can be
 * told to throw {@link InterruptedException} once the clock passes an instant, as an interrupt
 * would.
 */
public final class ManualSleeper implements Sleeper {
  private final ManualClock clock;
  private volatile Predicate<Instant> interruptWhen = at -> false;
  private int sleeps;

  public ManualSleeper(ManualClock clock) {
    this.clock = clock;
  }

  /** From now on, a sleep that would reach {@code at} or later is interrupted instead. */
  public void interruptAt(Instant at) {
    interruptWhen = deadline -> !deadline.isBefore(at);
  }

  @Override
  public void sleepUntil(Instant deadline) throws InterruptedException {
    sleeps++;
    if (interruptWhen.test(deadline)) {
      throw new InterruptedException("interrupted by the test");
    }
    if (deadline.isAfter(clock.instant())) {
      clock.set(deadline);
    }
  }

  public int sleeps() {
    return sleeps;
  }
}
