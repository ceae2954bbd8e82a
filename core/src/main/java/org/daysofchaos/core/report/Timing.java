package org.daysofchaos.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A measured moment of an incident, with where it comes from and how precise it is, so that a
 * report can say "detected after 42 s ± 1 s by alert CheckoutLatencyHigh".
 *
 * @param after from the moment the fault took effect (t_inj) to {@code at}; never negative
 * @param by what kind of observer saw it
 * @param source which one: an alert name, a probe's description, a team's name
 * @param resolution the true moment lies within this much before {@code at}; zero when exact
 */
public record Timing(Instant at, Duration after, Observer by, String source, Duration resolution) {
  public Timing {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(by, "by");
    source = source == null ? "" : source;
    resolution = resolution == null ? Duration.ZERO : resolution;
    if (after.isNegative()) {
      after = Duration.ZERO;
    }
  }

  /** A moment observed at {@code at}, counted from {@code injectedAt} (before it counts as 0). */
  public static Timing since(
      Instant injectedAt, Instant at, Observer by, String source, Duration resolution) {
    return new Timing(at, Duration.between(injectedAt, at), by, source, resolution);
  }

  /** "42.000 s (± 1s) by alert CheckoutLatencyHigh", "3 min 10 s by team blue". */
  public String describe() {
    return Figures.duration(after) + Figures.resolution(resolution) + " by " + observer();
  }

  /** "alert X", "signal Y", "team blue", "steady state held for 5s". */
  public String observer() {
    return switch (by) {
      case ALERT -> "alert " + source;
      case SIGNAL -> "signal " + source;
      case TEAM -> "team " + source;
      case STEADY_STATE -> source.isEmpty() ? "the steady state" : source;
    };
  }

  /** The earlier of two optional timings; on a tie the first. */
  static Optional<Timing> earliest(Optional<Timing> a, Optional<Timing> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return b.get().at().isBefore(a.get().at()) ? b : a;
  }
}
