package org.daysofchaos.chaostoolkit;

import java.time.Duration;
import java.util.Optional;

/**
 * One action or probe.
 *
 * @param probe whether it is a probe (it measures) rather than an action (it changes something)
 * @param tolerance what a hypothesis probe's output must be
 * @param pauseBefore waited before the activity ({@code pauses.before})
 * @param pauseAfter waited after it ({@code pauses.after})
 * @param background whether the method goes on without waiting for it
 * @param where where the activity is written (for a {@code ref}, where the reference is)
 */
public record Activity(
    boolean probe,
    String name,
    Provider provider,
    Optional<Tolerance> tolerance,
    Duration pauseBefore,
    Duration pauseAfter,
    boolean background,
    Where where) {

  /** "action 'name'" or "probe 'name'", as messages say it. */
  public String describe() {
    return (probe ? "probe '" : "action '") + name + "'";
  }
}
