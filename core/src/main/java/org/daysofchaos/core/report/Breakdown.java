package org.daysofchaos.core.report;

import java.util.List;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.journal.RecoveryTime;

/**
 * The figures of the incidents of one service, or of one scenario.
 *
 * @param key the service's or the scenario's id
 * @param incidents the ids of its incidents
 * @param selfHealing over its recovered time-boxed incidents, from the end of the fault
 * @param timeToRestore over its recovered until-fixed incidents, from the injection
 * @param monitored how many of them monitoring caught
 * @param modes the modes of its incidents, in their declared order: which of the two recovery times
 *     apply (a scenario has one)
 */
public record Breakdown(
    String key,
    List<String> incidents,
    Funnel funnel,
    Stats timeToDetect,
    Stats timeToDiagnose,
    Stats selfHealing,
    Stats timeToRestore,
    int monitored,
    List<Mode> modes) {
  public Breakdown {
    incidents = List.copyOf(incidents);
    modes = modes == null ? List.of() : List.copyOf(modes);
  }

  /** Whether its incidents have this kind of recovery time: a mode of theirs asks for it. */
  public boolean has(RecoveryTime.Kind kind) {
    return modes.stream().anyMatch(m -> RecoveryTime.Kind.of(m) == kind);
  }

  /** The recovery times of this kind. */
  public Stats recovery(RecoveryTime.Kind kind) {
    return kind == RecoveryTime.Kind.SELF_HEALING ? selfHealing : timeToRestore;
  }
}
