package org.daysofchaos.core.report;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.journal.RecoveryTime;

/**
 * The spread of one kind of time over incidents: p50, p90 ({@link Percentiles nearest rank}) and
 * the worst.
 *
 * @param count how many incidents have this time
 * @param resolution the coarsest resolution among them: each figure is within it
 */
public record Stats(
    int count,
    Optional<Duration> p50,
    Optional<Duration> p90,
    Optional<Duration> worst,
    Duration resolution) {

  public Stats {
    p50 = p50 == null ? Optional.empty() : p50;
    p90 = p90 == null ? Optional.empty() : p90;
    worst = worst == null ? Optional.empty() : worst;
    resolution = resolution == null ? Duration.ZERO : resolution;
  }

  /** The times after t_inj of these timings. */
  public static Stats of(List<Timing> timings) {
    Duration resolution =
        timings.stream()
            .map(Timing::resolution)
            .max(Comparator.naturalOrder())
            .orElse(Duration.ZERO);
    return ofDurations(timings.stream().map(Timing::after).toList(), resolution);
  }

  /** How long these recoveries took, each counted from its own start (see RecoveryTime). */
  public static Stats ofRecoveries(List<RecoveryTime> times) {
    Duration resolution =
        times.stream()
            .map(RecoveryTime::resolution)
            .max(Comparator.naturalOrder())
            .orElse(Duration.ZERO);
    return ofDurations(times.stream().map(RecoveryTime::took).toList(), resolution);
  }

  public static Stats ofDurations(List<Duration> values, Duration resolution) {
    List<Duration> sorted = values.stream().sorted().toList();
    return new Stats(
        sorted.size(),
        Percentiles.nearestRank(sorted, 50),
        Percentiles.nearestRank(sorted, 90),
        sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get(sorted.size() - 1)),
        resolution);
  }

  /** "p50 42.0 s · p90 3 min 10 s · worst 5 min 00 s (± 1s)", or "—" with no values. */
  public String describe() {
    if (count == 0) {
      return "\u2014";
    }
    return "p50 "
        + Figures.duration(p50.orElseThrow())
        + " \u00b7 p90 "
        + Figures.duration(p90.orElseThrow())
        + " \u00b7 worst "
        + Figures.duration(worst.orElseThrow())
        + Figures.resolution(resolution);
  }
}
