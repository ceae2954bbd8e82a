package org.daysofchaos.core;

/** How long a scenario's fault lasts. */
public enum Mode {
  /** The fault lasts its {@code duration}; teams score on detecting and diagnosing it. */
  TIME_BOXED,
  /**
   * The fault stays until the metrics show that a team's fix brought the steady state back (bounded
   * by {@code maxDuration}).
   */
  UNTIL_FIXED
}
