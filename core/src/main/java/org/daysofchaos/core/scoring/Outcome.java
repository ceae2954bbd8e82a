package org.daysofchaos.core.scoring;

/** How the server (or the game master) judged a play. */
public enum Outcome {
  ACCEPTED,
  REJECTED,
  /** Waiting for the game master, e.g. a free-text diagnosis: scores nothing yet. */
  PENDING
}
