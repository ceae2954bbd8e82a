package org.daysofchaos.core.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Recovery with hysteresis: the system has recovered at the first instant from which the steady
 * state held, without interruption, for {@code holdFor}, after having deviated. One good sample is
 * not recovery.
 */
public final class RecoveryTracker {
  private final Duration holdFor;
  private Instant deviatedAt;
  private Instant healthySince;
  private Instant recoveredAt;

  public RecoveryTracker(Duration holdFor) {
    this.holdFor = holdFor;
  }

  /** Feeds one steady-state sample; samples must come in time order. */
  public void observe(Instant at, boolean healthy) {
    if (recoveredAt != null) {
      return;
    }
    if (!healthy) {
      if (deviatedAt == null) {
        deviatedAt = at;
      }
      healthySince = null;
      return;
    }
    if (healthySince == null) {
      healthySince = at;
    }
    if (deviatedAt != null && !at.isBefore(healthySince.plus(holdFor))) {
      recoveredAt = healthySince;
    }
  }

  /**
   * A sample that could not be taken (the metric source is down): neither a deviation nor a healthy
   * sample; the healthy stretch, if any, starts again after it.
   */
  public void unmeasured() {
    if (recoveredAt == null) {
      healthySince = null;
    }
  }

  public boolean deviated() {
    return deviatedAt != null;
  }

  public Optional<Instant> deviatedAt() {
    return Optional.ofNullable(deviatedAt);
  }

  /** The first instant of the healthy stretch that lasted {@code holdFor}, once there is one. */
  public Optional<Instant> recoveredAt() {
    return Optional.ofNullable(recoveredAt);
  }

  /**
   * Whether the steady state has held for {@code holdFor} counted from no earlier than {@code
   * from}: how a run that never deviated confirms the system is healthy after the revert.
   */
  public boolean heldSince(Instant from, Instant now) {
    if (healthySince == null) {
      return false;
    }
    Instant start = healthySince.isAfter(from) ? healthySince : from;
    return !now.isBefore(start.plus(holdFor));
  }

  public Duration holdFor() {
    return holdFor;
  }
}
