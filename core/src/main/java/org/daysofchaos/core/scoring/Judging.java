package org.daysofchaos.core.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How the server judges the plays whose verdict depends on what happened after they were made, the
 * same for the live board, the consoles and the reports: a declared fix waits for its incident's
 * measured recovery, and a team's first alert of an incident is the play that scores its own
 * alerting's detection.
 */
public final class Judging {
  private Judging() {}

  /**
   * What judging knows of an incident.
   *
   * @param running true while its run goes on
   * @param recoveredAt when its recovery was measured (the steady state held for the scenario's
   *     holdFor), or null
   * @param faultEndedAt when its fault was reverted, or null while it is in place
   */
  public record IncidentOutcome(boolean running, Instant recoveredAt, Instant faultEndedAt) {
    /** An incident whose fault is still in place (or whose end does not matter). */
    public IncidentOutcome(boolean running, Instant recoveredAt) {
      this(running, recoveredAt, null);
    }

    /**
     * Whether a team's fix can have brought the recovery: it was measured while the fault was still
     * in place. A steady state that came back only after the safety bound reverted the fault (the
     * report says "recovered after the safety bound") was no team's doing.
     */
    boolean recoveredWhileFaulty() {
      return recoveredAt != null && (faultEndedAt == null || !recoveredAt.isAfter(faultEndedAt));
    }
  }

  /**
   * Every play judged against its incident (by id); plays of unknown incidents stay as they are.
   */
  public static List<Play> judge(List<Play> plays, Map<String, IncidentOutcome> incidents) {
    return plays.stream().map(p -> judge(p, incidents.get(p.incidentId()))).toList();
  }

  /**
   * One play as judged now. A pending declared fix is accepted once its incident's recovery is
   * measured while the fault was in place (at that moment, or at the declaration if it came later)
   * and rejected when the incident ended without one; every other play keeps its recorded outcome.
   *
   * @param incident the play's incident, or null when unknown
   */
  public static Play judge(Play play, IncidentOutcome incident) {
    if (play.type() != PlayType.FIX || play.outcome() != Outcome.PENDING || incident == null) {
      return play;
    }
    if (incident.recoveredWhileFaulty()) {
      Instant at = play.at().isAfter(incident.recoveredAt()) ? play.at() : incident.recoveredAt();
      return judged(play, Outcome.ACCEPTED, at);
    }
    if (!incident.running()) {
      return judged(play, Outcome.REJECTED, play.at());
    }
    return play;
  }

  /** A team's first alert of an incident, as the play that scores its alerting's detection. */
  public static Play firstAlert(String team, String incidentId, Instant at, String alertname) {
    return new Play(
        0, team, incidentId, PlayType.ALERT, at, Outcome.ACCEPTED, -1, "alert " + alertname);
  }

  private static Play judged(Play play, Outcome outcome, Instant at) {
    return new Play(
        play.sequence(),
        play.team(),
        play.incidentId(),
        play.type(),
        at,
        outcome,
        play.hintIndex(),
        play.detail());
  }
}
