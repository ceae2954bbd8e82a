package org.daysofchaos.demo;

import java.time.Clock;
import java.time.Duration;

/**
 * The share of failures among the events of the last {@code window}, in ten buckets: a gauge that
 * reacts within a tenth of the window, where a counter would need a rate() that only Prometheus
 * computes.
 */
final class SlidingRatio {
  private static final int BUCKETS = 10;

  private final Clock clock;
  private final long bucketMillis;
  private final long[] stamps = new long[BUCKETS];
  private final long[] totals = new long[BUCKETS];
  private final long[] failures = new long[BUCKETS];

  SlidingRatio(Clock clock, Duration window) {
    this.clock = clock;
    this.bucketMillis = Math.max(1, window.toMillis() / BUCKETS);
  }

  synchronized void record(boolean failed) {
    int i = bucket(clock.millis() / bucketMillis);
    totals[i]++;
    if (failed) {
      failures[i]++;
    }
  }

  /** Failures / events in the window; 0 when there were no events. */
  synchronized double ratio() {
    long now = clock.millis() / bucketMillis;
    long total = 0;
    long failed = 0;
    for (int i = 0; i < BUCKETS; i++) {
      if (now - stamps[i] < BUCKETS) {
        total += totals[i];
        failed += failures[i];
      }
    }
    return total == 0 ? 0.0 : (double) failed / total;
  }

  private int bucket(long stamp) {
    int i = (int) (stamp % BUCKETS);
    if (stamps[i] != stamp) {
      stamps[i] = stamp;
      totals[i] = 0;
      failures[i] = 0;
    }
    return i;
  }
}
