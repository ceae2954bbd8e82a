package org.daysofchaos.core.scoring;

import java.util.Optional;

/** What a team (or its own alerting) did during an incident. */
public enum PlayType {
  /** "We detected something": scores DETECT when accepted, costs points when it matched nothing. */
  DETECTION_CLAIM,
  /** A root cause; scores DIAGNOSE when accepted, costs points when rejected. */
  DIAGNOSIS,
  /** A hint bought; costs a share of the base of the stage the team has not reached yet. */
  HINT,
  /** "Fixed": scores RECOVER when accepted. */
  FIX,
  /** The team's own alerting fired for the incident; earns a bonus if before the claim. */
  ALERT;

  /** The stage this play scores when accepted; empty for hints, whose stage depends on progress. */
  public Optional<Stage> scores() {
    return switch (this) {
      case DETECTION_CLAIM -> Optional.of(Stage.DETECT);
      case DIAGNOSIS -> Optional.of(Stage.DIAGNOSE);
      case FIX -> Optional.of(Stage.RECOVER);
      case HINT, ALERT -> Optional.empty();
    };
  }
}
