package org.daysofchaos.core.report;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.core.scoring.ScoringRules;

/**
 * Everything a game day's report is computed from.
 *
 * @param teams the game day's teams in their declared order
 * @param incidents the incidents whose fault took effect; others (missed, aborted at the gate) have
 *     nothing to measure
 * @param plays the teams' plays as judged, including their own alerts (ALERT plays): the same list
 *     the leaderboard is computed from
 * @param freezeAt plays at or after it are ignored, as on a frozen board; empty for the final
 *     figures
 */
public record ReportInput(
    GameDayFacts gameDay,
    List<String> teams,
    List<IncidentRecord> incidents,
    List<Play> plays,
    ScoringRules rules,
    Optional<Instant> freezeAt,
    Notes notes) {

  public ReportInput {
    Objects.requireNonNull(gameDay, "gameDay");
    teams = List.copyOf(teams);
    incidents = List.copyOf(incidents);
    plays = List.copyOf(plays);
    rules = rules == null ? ScoringRules.defaults() : rules;
    freezeAt = freezeAt == null ? Optional.empty() : freezeAt;
    notes = notes == null ? Notes.none() : notes;
    Set<String> ids = new HashSet<>();
    for (IncidentRecord i : incidents) {
      if (!ids.add(i.id())) {
        throw new IllegalArgumentException("incident '" + i.id() + "' is listed twice");
      }
    }
  }

  /** A report without teams or plays, such as one made from journal files of CI runs. */
  public static ReportInput withoutTeams(GameDayFacts gameDay, List<IncidentRecord> incidents) {
    return new ReportInput(
        gameDay,
        List.of(),
        incidents,
        List.of(),
        ScoringRules.defaults(),
        Optional.empty(),
        Notes.none());
  }
}
