package org.daysofchaos.core.gameday;

import java.time.Duration;
import java.time.Instant;

/** A moment of a game day: an offset from the window's opening, or a date and time. */
public sealed interface TimePoint {

  /** The instant this point stands for in a window that opens at {@code opensAt}. */
  Instant resolve(Instant opensAt);

  /** {@code 90s}, {@code 2m}: that long after the window opens. */
  record Offset(Duration offset) implements TimePoint {
    @Override
    public Instant resolve(Instant opensAt) {
      return opensAt.plus(offset);
    }
  }

  /** {@code 2026-12-01T09:30:00+01:00}: that instant. */
  record Absolute(Instant instant) implements TimePoint {
    @Override
    public Instant resolve(Instant opensAt) {
      return instant;
    }
  }
}
