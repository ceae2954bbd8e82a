package org.daysofchaos.scoreboard.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.daysofchaos.core.spi.Sleeper;

/**
 * Sleeps on the clock until a deadline, or until woken: halt-all and shutdown wake a run at once so
 * that it sees its abort and reverts, without interrupting its thread. (An interrupt could land in
 * the middle of a database write and, with H2, close the database file.)
 */
final class WakeableSleeper implements Sleeper {
  private final Clock clock;
  private int wakeups;

  WakeableSleeper(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void sleepUntil(Instant deadline) throws InterruptedException {
    while (wakeups == 0) {
      long millis = Duration.between(clock.instant(), deadline).toMillis();
      if (millis <= 0) {
        return;
      }
      wait(millis);
    }
    wakeups--;
  }

  /** Ends the current (or the next) sleep now. */
  synchronized void wake() {
    wakeups++;
    notifyAll();
  }
}
