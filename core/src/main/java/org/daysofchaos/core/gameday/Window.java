package org.daysofchaos.core.gameday;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a game day runs.
 *
 * @param opens a fixed opening instant, or empty for "when the game master starts it"
 * @param length how long it lasts; incidents never fire after the window closes
 */
public record Window(Optional<Instant> opens, Duration length) {
  public Window {
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("a game day's window must last a positive time");
    }
  }

  /** When the window opens for a game day started at {@code startedAt}. */
  public Instant opensAt(Instant startedAt) {
    return opens.orElse(startedAt);
  }

  public Instant closesAt(Instant startedAt) {
    return opensAt(startedAt).plus(length);
  }
}
