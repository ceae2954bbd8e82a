package org.daysofchaos.core.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * How late a probe sees a change of the system: at least {@code earliest}, at most {@code latest}
 * after it truly happened. A probe that reads the system directly sees it within one probe
 * interval; a query through Prometheus adds its scrape interval and, for a change that must leave a
 * range window ({@code rate(...[1m])}), the window. Part of a lag is a bias, not noise: a moment
 * observed through a one-minute window is about a minute late, always. See docs/measurement.md.
 *
 * @param throughSamples whether the probe sees the system through samples stored earlier (a PromQL
 *     query): its moments are then reported as the middle of the interval, not as seen
 */
public record Lag(Duration earliest, Duration latest, boolean throughSamples) {
  /** Which change a probe is waiting for: the problem showing, or the problem gone. */
  public enum Change {
    /** A detection signal starts to hold: the fault's effect has begun. */
    PROBLEM_STARTS,
    /** The steady state holds again: the fault's effect is over. */
    PROBLEM_ENDS
  }

  public Lag {
    Objects.requireNonNull(earliest, "earliest");
    Objects.requireNonNull(latest, "latest");
    if (earliest.isNegative() || latest.compareTo(earliest) < 0) {
      throw new IllegalArgumentException("a lag needs 0 <= earliest <= latest");
    }
  }

  /** A probe that reads the system directly, every {@code interval}: within one interval. */
  public static Lag polling(Duration interval) {
    return new Lag(Duration.ZERO, interval, false);
  }

  /** A probe that sees the system through stored samples, between these two lags. */
  public static Lag throughSamples(Duration earliest, Duration latest) {
    return new Lag(earliest, latest, true);
  }

  /** The middle of the interval: the estimate whose error is at most half its width. */
  public Duration middle() {
    return earliest.plus(latest.minus(earliest).dividedBy(2));
  }
}
