package org.daysofchaos.core.scoring;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a team did (or its alerting did), as the server recorded and judged it.
 *
 * @param sequence the server's order of recording; breaks ties in {@code at}
 * @param team the team's name, as declared by the game day
 * @param incidentId the incident it is about; null for a detection claim that matched no active
 *     incident (a false claim, outcome REJECTED)
 * @param type what was done
 * @param at when it counts: the submission time, not the time the game master reviewed it
 * @param outcome how it was judged
 * @param hintIndex for HINT, the 0-based index of the hint bought in that incident; -1 otherwise
 * @param detail free text shown in the explanation ("payment / latency"); may be empty
 */
public record Play(
    long sequence,
    String team,
    String incidentId,
    PlayType type,
    Instant at,
    Outcome outcome,
    int hintIndex,
    String detail) {

  public Play {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(outcome, "outcome");
    detail = detail == null ? "" : detail.strip();
  }
}
