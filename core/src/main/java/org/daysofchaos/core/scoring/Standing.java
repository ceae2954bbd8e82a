package org.daysofchaos.core.scoring;

import java.time.Instant;
import java.util.List;

/**
 * One team's place on the board.
 *
 * @param rank 1 for the leader; every team has its own rank (see {@link Scoring} for ties)
 * @param detected incidents whose detection the team scored; {@code diagnosed} and {@code
 *     recovered} likewise
 * @param reachedAt when the team reached its current points: the time of its last line that changed
 *     its score; null if no line ever did
 * @param lines every line of the team, in the order of the plays that caused them
 */
public record Standing(
    int rank,
    String team,
    int points,
    int detected,
    int diagnosed,
    int recovered,
    Instant reachedAt,
    List<ScoreLine> lines) {

  public Standing {
    lines = List.copyOf(lines);
  }
}
