package org.daysofchaos.agents.proxy.internal;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/** Pure timing arithmetic of the toxics, kept apart so it can be tested without sockets. */
public final class Delays {
  /** Longer delays are treated as this one (1000 days), so nanosecond sums cannot overflow. */
  static final long MAX_MILLIS = TimeUnit.DAYS.toMillis(1000);

  private Delays() {}

  public static long millisToNanos(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(Math.min(Math.max(0, millis), MAX_MILLIS));
  }

  /**
   * The delay of one chunk under a latency toxic: {@code latency} plus a jitter drawn uniformly
   * from [-jitter, +jitter] (continuous, to the nanosecond), never negative.
   */
  public static long latencyNanos(long latencyMs, long jitterMs, RandomGenerator random) {
    long delay = millisToNanos(latencyMs);
    if (jitterMs > 0) {
      long jitter = millisToNanos(jitterMs);
      delay += random.nextLong(-jitter, jitter + 1);
    }
    return Math.max(0, delay);
  }

  /**
   * When a chunk read at {@code stamp} leaves a latency toxic: {@code stamp + delay}, but never
   * before the chunk ahead of it, so jitter cannot reorder the byte stream (Toxiproxy handles
   * chunks one by one, with the same effect).
   */
  public static long releaseAt(long previousRelease, long stamp, long delay) {
    return Math.max(previousRelease, stamp + delay);
  }

  /** Bytes a bandwidth toxic lets through per slice: 10 ms worth, at least one byte. */
  public static int bandwidthSliceBytes(long rateKbPerSecond) {
    // rate KB/s with KB = 1000 bytes is rate bytes per millisecond.
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, rateKbPerSecond * 10));
  }

  /** Time {@code bytes} take at {@code rate} KB/s (1 KB = 1000 bytes, as in Toxiproxy). */
  public static long transmissionNanos(long bytes, long rateKbPerSecond) {
    return bytes * 1_000_000L / rateKbPerSecond;
  }

  /**
   * Sizes of the slices a slicer toxic cuts {@code length} bytes into: halve recursively, moving
   * each cut by up to ± {@code variation}, until a piece is within {@code variation} of {@code
   * average}. Sizes are positive and add up to {@code length}.
   */
  public static int[] sliceSizes(int length, int average, int variation, RandomGenerator random) {
    java.util.List<Integer> sizes = new java.util.ArrayList<>();
    cut(0, length, Math.max(1, average), Math.max(0, variation), random, sizes);
    return sizes.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void cut(
      int start,
      int end,
      int average,
      int variation,
      RandomGenerator random,
      java.util.List<Integer> sizes) {
    if (end - start <= 0) {
      return;
    }
    if ((end - start) - average <= variation) {
      sizes.add(end - start);
      return;
    }
    int shift = variation > 0 ? random.nextInt(-variation, variation + 1) : 0;
    int mid = Math.min(end - 1, Math.max(start + 1, start + (end - start) / 2 + shift));
    cut(start, mid, average, variation, random, sizes);
    cut(mid, end, average, variation, random, sizes);
  }
}
