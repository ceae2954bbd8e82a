package org.daysofchaos.scoreboard.play;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.scoring.Judging;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.core.scoring.PlayType;
import org.daysofchaos.scoreboard.persistence.Incident;

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

  /**
   * Plays as judged now against their incidents (by id), by core's {@link Judging}: what the board,
   * the consoles and the reports count.
   */
  public static List<PlayRecord> judged(List<PlayRecord> recorded, Map<String, Incident> byId) {
    return recorded.stream()
        .map(p -> p.judgedAs(Judging.judge(p.toPlay(), outcomeOf(byId.get(p.incidentId())))))
        .toList();
  }

  /** This play as judged now against what is known of its incident (null: unknown). */
  public PlayRecord judged(Judging.IncidentOutcome incident) {
    return judgedAs(Judging.judge(toPlay(), incident));
  }

  /** What judging needs to know of an incident; null for none. */
  public static Judging.IncidentOutcome outcomeOf(Incident incident) {
    return incident == null
        ? null
        : new Judging.IncidentOutcome(
            incident.state() == Incident.State.RUNNING,
            incident.recoveredAt(),
            incident.faultEndedAt());
  }

  private PlayRecord judgedAs(Play judged) {
    return judged.outcome() == outcome && judged.at().equals(at)
        ? this
        : withOutcome(judged.outcome(), judged.at());
  }

  private PlayRecord withOutcome(Outcome judged, Instant when) {
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
