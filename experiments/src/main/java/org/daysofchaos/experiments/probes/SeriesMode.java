package org.daysofchaos.experiments.probes;

import java.util.Arrays;

/**
 * How a {@code metric/threshold} probe reads a query that returns several series (one per pod, per
 * instance, per route).
 */
public enum SeriesMode {
  /**
   * The query returns at most one series; several are a probe error. The default: with no word from
   * the scenario, any other reading silently picks a meaning ("one pod is slow" or "every pod is
   * slow") that flips a steady state or a detection signal; an error says the query needs narrowing
   * or a mode, and an error is never a detection nor a recovery.
   */
  ONE,
  /** Holds when at least one series holds: "some pod is failing", for a detection signal. */
  ANY,
  /** Holds when every series holds: "every pod is healthy", for a steady state. */
  ALL,
  /** The condition is checked on the smallest value. */
  MIN,
  /** The condition is checked on the largest value. */
  MAX,
  /** The condition is checked on the sum of the values. */
  SUM,
  /** The condition is checked on the mean of the values. */
  AVG;

  /** Whether this mode reduces the values to one number before comparing. */
  public boolean aggregates() {
    return this == MIN || this == MAX || this == SUM || this == AVG;
  }

  /**
   * The aggregate of these values (at least one) for {@link #MIN}, {@link #MAX}, {@link #SUM} and
   * {@link #AVG}. A NaN value makes the aggregate NaN, which never holds: a series that cannot say
   * (a quantile with no traffic) must not let the others vouch for it.
   */
  public double aggregate(double[] values) {
    if (Arrays.stream(values).anyMatch(Double::isNaN)) {
      return Double.NaN;
    }
    return switch (this) {
      case MIN -> Arrays.stream(values).min().orElseThrow();
      case MAX -> Arrays.stream(values).max().orElseThrow();
      case SUM -> Arrays.stream(values).sum();
      case AVG -> Arrays.stream(values).average().orElseThrow();
      default -> throw new IllegalStateException(this + " does not aggregate");
    };
  }
}
