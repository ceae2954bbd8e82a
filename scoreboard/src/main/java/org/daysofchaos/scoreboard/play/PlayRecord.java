package org.daysofchaos.scoreboard.play;

import java.time.Instant;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.core.scoring.PlayType;

/**
 * A play as stored: who, for which team and incident, what, when and how it was judged.
 *
 * @param incidentId null for a detection claim that matched no incident
 * @param hintIndex for a hint, which one (0-based); -1 otherwise
 * @param reviewedBy the game master who judged a free-text diagnosis, else null
 */
public record PlayRecord(
    long id,
    String gameDayId,
    String incidentId,
    String team,
    String username,
    PlayType type,
    Instant at,
    Outcome outcome,
    int hintIndex,
    String detail,
    String reviewedBy,
    Instant reviewedAt) {

  /** The play as the scoring rules read it. */
  public Play toPlay() {
    return new Play(id, team, incidentId, type, at, outcome, hintIndex, detail);
  }

  PlayRecord withOutcome(Outcome judged, Instant when) {
    return new PlayRecord(
        id,
        gameDayId,
        incidentId,
        team,
        username,
        type,
        when,
        judged,
        hintIndex,
        detail,
        reviewedBy,
        reviewedAt);
  }
}
