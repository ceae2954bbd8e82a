package org.daysofchaos.core.report;

import java.time.Instant;
import java.util.Objects;

/**
 * The steady state started or stopped holding: the journal's STEADY_STATE_DEVIATED and
 * STEADY_STATE_RESTORED events. Journals record these changes, not every probe sample, so a
 * timeline shows the steady state as held or deviated over time.
 */
public record SteadyStateChange(Instant at, boolean holds) {
  public SteadyStateChange {
    Objects.requireNonNull(at, "at");
  }
}
