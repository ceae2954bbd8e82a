package org.daysofchaos.core.journal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import org.daysofchaos.core.Durations;

/**
 * A measured moment of an incident, relative to the moment the fault took effect. The probe saw it
 * at {@code at}; the true moment lies between {@code delay + resolution} and {@code delay} before
 * that (docs/measurement.md). A probe that reads the system directly has no delay and a resolution
 * of one probe interval; a PromQL query adds its Prometheus' scrape interval and, for the end of a
 * problem, its range window, which is a delay (a bias), not noise.
 *
 * @param at when it was observed
 * @param after {@code at} minus the injection time
 * @param source what observed it (a probe's description, an alert name, a team)
 * @param resolution how wide the interval of the true moment is
 * @param delay how long before {@code at} the interval ends (zero when the probe reads the system
 *     directly; absent in journals written before it existed)
 * @param estimated whether the moment was seen through stored samples (a PromQL query), so that
 *     reports count from the middle of the interval rather than from {@code at}
 */
public record Measurement(
    Instant at,
    Duration after,
    String source,
    Duration resolution,
    Duration delay,
    boolean estimated) {

  public Measurement {
    delay = delay == null ? Duration.ZERO : delay;
  }

  /** A moment seen by a probe that reads the system directly: within one resolution before. */
  public Measurement(Instant at, Duration after, String source, Duration resolution) {
    this(at, after, source, resolution, Duration.ZERO, false);
  }

  /** The earliest the true moment can be. */
  @JsonIgnore
  public Instant trueFrom() {
    return at.minus(delay).minus(resolution);
  }

  /** The latest the true moment can be. */
  @JsonIgnore
  public Instant trueTo() {
    return at.minus(delay);
  }

  /** The middle of the interval of the true moment: off by at most half its width. */
  @JsonIgnore
  public Instant estimate() {
    return trueTo().minus(resolution.dividedBy(2));
  }

  /**
   * The moment reports count: where the probe saw it, for a probe that reads the system directly;
   * the estimate, for a probe that sees changes late (a PromQL query), so that a known bias is not
   * reported as the system's own time.
   */
  @JsonIgnore
  public Instant reported() {
    return estimated ? estimate() : at;
  }

  /** {@link #reported()} minus the injection time. */
  @JsonIgnore
  public Duration reportedAfter() {
    return after.minus(Duration.between(reported(), at));
  }

  /** How far the true moment can be from {@link #reported()}. */
  @JsonIgnore
  public Duration reportedResolution() {
    return estimated ? resolution.dividedBy(2) : resolution;
  }

  public String describe() {
    if (!estimated) {
      return Durations.seconds(after) + " (± " + Durations.format(resolution) + ")";
    }
    Duration latest = after.minus(delay);
    Duration earliest = latest.minus(resolution);
    return Durations.seconds(after)
        + " as seen (true moment "
        + Durations.seconds(earliest)
        + " to "
        + Durations.seconds(latest)
        + ", estimate "
        + Durations.seconds(latest.minus(resolution.dividedBy(2)))
        + ")";
  }
}
