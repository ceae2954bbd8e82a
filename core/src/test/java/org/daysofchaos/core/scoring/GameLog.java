package org.daysofchaos.core.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the plays of a test game in the order they are written, numbering them as a server would.
 */
final class GameLog {
  static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  private final List<Play> plays = new ArrayList<>();

  static Instant at(int minutes, int seconds) {
    return T0.plus(Duration.ofMinutes(minutes).plusSeconds(seconds));
  }

  static Instant at(int minutes) {
    return at(minutes, 0);
  }

  static IncidentFacts incident(String id, String scenario, int weight, Instant injectedAt) {
    return new IncidentFacts(id, scenario, weight, injectedAt);
  }

  GameLog play(String team, String incident, PlayType type, Instant at, Outcome outcome) {
    return add(team, incident, type, at, outcome, -1, "");
  }

  GameLog claim(String team, String incident, Instant at) {
    return play(team, incident, PlayType.DETECTION_CLAIM, at, Outcome.ACCEPTED);
  }

  GameLog falseClaim(String team, Instant at, String detail) {
    return add(team, null, PlayType.DETECTION_CLAIM, at, Outcome.REJECTED, -1, detail);
  }

  GameLog diagnosis(String team, String incident, Instant at, Outcome outcome, String detail) {
    return add(team, incident, PlayType.DIAGNOSIS, at, outcome, -1, detail);
  }

  GameLog diagnosis(String team, String incident, Instant at) {
    return diagnosis(team, incident, at, Outcome.ACCEPTED, "");
  }

  GameLog fix(String team, String incident, Instant at) {
    return play(team, incident, PlayType.FIX, at, Outcome.ACCEPTED);
  }

  GameLog alert(String team, String incident, Instant at) {
    return play(team, incident, PlayType.ALERT, at, Outcome.ACCEPTED);
  }

  GameLog hint(String team, String incident, Instant at, int index) {
    return add(team, incident, PlayType.HINT, at, Outcome.ACCEPTED, index, "");
  }

  GameLog add(
      String team,
      String incident,
      PlayType type,
      Instant at,
      Outcome outcome,
      int hintIndex,
      String detail) {
    plays.add(new Play(plays.size() + 1, team, incident, type, at, outcome, hintIndex, detail));
    return this;
  }

  List<Play> plays() {
    return List.copyOf(plays);
  }

  Leaderboard board(List<String> teams, List<IncidentFacts> incidents) {
    return Scoring.leaderboard(ScoringRules.defaults(), teams, incidents, plays, Optional.empty());
  }

  static Standing standing(Leaderboard board, String team) {
    return board.standings().stream().filter(s -> s.team().equals(team)).findFirst().orElseThrow();
  }

  static List<String> texts(Leaderboard board, String team) {
    return standing(board, team).lines().stream().map(ScoreLine::text).toList();
  }
}
