package org.daysofchaos.core.run;

import java.time.Duration;

/**
 * How a run observes.
 *
 * @param interval time between two rounds of probes and detection signals (1 s by default, the
 *     resolution of every measured time)
 * @param revertAttempts how many times a failing revert is tried before the run reports it
 */
public record RunOptions(Duration interval, int revertAttempts) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  public RunOptions {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the probe interval must be positive");
    }
    if (revertAttempts < 1) {
      throw new IllegalArgumentException("revertAttempts must be at least 1");
    }
  }

  public static RunOptions defaults() {
    return new RunOptions(DEFAULT_INTERVAL, 3);
  }

  public RunOptions withInterval(Duration newInterval) {
    return new RunOptions(newInterval, revertAttempts);
  }
}
