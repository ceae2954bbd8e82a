package org.daysofchaos.core.journal;

import java.time.Duration;
import java.time.Instant;
import org.daysofchaos.core.Durations;

/**
 * A measured moment of an incident, relative to the moment the fault took effect.
 *
 * @param at when it was observed
 * @param after {@code at} minus the injection time
 * @param source what observed it (a probe's description, an alert name, a team)
 * @param resolution the true moment lies within this much before {@code at} (the probe interval)
 */
public record Measurement(Instant at, Duration after, String source, Duration resolution) {
  public String describe() {
    return Durations.seconds(after) + " (± " + Durations.format(resolution) + ")";
  }
}
