package org.daysofchaos.core.scoring;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One team's lines and progress while the plays are read. Its points, stage counts and last
 * score-changing line are kept as the lines come, so that ranking the teams costs the same after
 * the thousandth play as after the first.
 */
final class TeamCard {
  /** A line with the sequence of the play that caused it, which breaks ties in time. */
  record Line(ScoreLine line, long sequence) {}

  final String name;
  final int declaredOrder;
  private final AppendOnly<Line> lines = new AppendOnly<>();
  final Map<String, Progress> progress = new HashMap<>();
  private final Map<Stage, Integer> reached = new EnumMap<>(Stage.class);
  private int points;
  private Line lastChange;
  int falseClaims;

  /** Where the lines that change a score also go, for the whole game. */
  private final AppendOnly<Line> scored;

  TeamCard(String name, int declaredOrder, AppendOnly<Line> scored) {
    this.name = name;
    this.declaredOrder = declaredOrder;
    this.scored = scored;
  }

  Progress progress(IncidentFacts incident) {
    return progress.computeIfAbsent(incident.incidentId(), id -> new Progress(incident));
  }

  /** A line of an incident: it also moves the team's total in that incident. */
  Line add(Play cause, Progress in, Stage stage, int points, String text) {
    in.total += points;
    return append(
        new Line(
            new ScoreLine(name, in.incident.incidentId(), stage, cause.at(), points, text),
            cause.sequence()));
  }

  /** A team-level line, such as a false claim. */
  Line addTeamLine(Play cause, int points, String text) {
    return append(
        new Line(new ScoreLine(name, null, null, cause.at(), points, text), cause.sequence()));
  }

  private Line append(Line line) {
    lines.add(line);
    points += line.line().points();
    if (line.line().points() != 0) {
      lastChange = line;
      scored.add(line);
    }
    return line;
  }

  /** The team reached a stage of one more incident. */
  void reached(Stage stage, Progress in, Instant at) {
    in.reach(stage, at);
    reached.merge(stage, 1, Integer::sum);
  }

  int points() {
    return points;
  }

  int reached(Stage stage) {
    return reached.getOrDefault(stage, 0);
  }

  /** The last line that changed the score: when the team reached its current points. */
  Optional<Line> lastChange() {
    return Optional.ofNullable(lastChange);
  }

  /** Every line so far; later lines do not change the list returned. */
  List<Line> lines() {
    return lines.prefix();
  }

  /** What the team stands at now, unchanged by later plays. */
  Card card() {
    return new Card(
        name,
        declaredOrder,
        points,
        reached(Stage.DETECT),
        reached(Stage.DIAGNOSE),
        reached(Stage.RECOVER),
        Optional.ofNullable(lastChange),
        lines.prefix());
  }

  /** A team's standing frozen at one moment of the game; its lines are a prefix, not a copy. */
  record Card(
      String name,
      int declaredOrder,
      int points,
      int detected,
      int diagnosed,
      int recovered,
      Optional<Line> lastChange,
      List<Line> lines) {

    Standing standing(int rank, boolean withLines) {
      Instant reachedAt = lastChange.map(l -> l.line().at()).orElse(null);
      return new Standing(
          rank,
          name,
          points,
          detected,
          diagnosed,
          recovered,
          reachedAt,
          withLines ? lines.stream().map(Line::line).toList() : List.of());
    }
  }
}
