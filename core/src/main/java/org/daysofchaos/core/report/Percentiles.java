package org.daysofchaos.core.report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Percentiles by the nearest-rank method: the p-th percentile of n values sorted ascending is the
 * value at rank ⌈p/100 · n⌉ (1-based). It is always one of the measured values, never an
 * interpolation, so each figure of a report points at a real incident: with 4 values, p50 is the
 * 2nd and p90 the 4th.
 */
public final class Percentiles {
  private Percentiles() {}

  /**
   * @param sorted values in ascending order
   * @param p the percentile, 1 to 100
   * @return empty for no values
   */
  public static Optional<Duration> nearestRank(List<Duration> sorted, int p) {
    if (p < 1 || p > 100) {
      throw new IllegalArgumentException("a percentile is between 1 and 100, got " + p);
    }
    if (sorted.isEmpty()) {
      return Optional.empty();
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return Optional.of(sorted.get(Math.max(rank, 1) - 1));
  }
}
