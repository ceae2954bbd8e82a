package org.daysofchaos.bench;

import java.util.Arrays;
import java.util.Locale;

/** Samples sorted once, read by nearest-rank percentiles. */
final class Distribution {
  private final long[] sorted;

  private Distribution(long[] sorted) {
    this.sorted = sorted;
  }

  static Distribution of(Longs samples) {
    long[] values = samples.toArray();
    Arrays.sort(values);
    return new Distribution(values);
  }

  int count() {
    return sorted.length;
  }

  /**
   * The nearest-rank percentile: the smallest sample with at least {@code p} of them at or below.
   */
  long percentile(double p) {
    if (sorted.length == 0) {
      throw new IllegalStateException("no samples");
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  long max() {
    return percentile(1);
  }

  /** A percentile of microsecond samples in milliseconds, or "-" without samples. */
  String millis(double p) {
    if (sorted.length == 0) {
      return "-";
    }
    double ms = percentile(p) / 1000.0;
    return String.format(Locale.ROOT, ms < 10 ? "%.1f ms" : "%.0f ms", ms);
  }
}
