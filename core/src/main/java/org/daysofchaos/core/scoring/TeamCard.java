package org.daysofchaos.core.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One team's lines and progress while the plays are read. */
final class TeamCard {
  /** A line with the sequence of the play that caused it, which breaks ties in time. */
  record Line(ScoreLine line, long sequence) {}

  final String name;
  final int declaredOrder;
  final List<Line> lines = new ArrayList<>();
  final Map<String, Progress> progress = new HashMap<>();
  int falseClaims;

  TeamCard(String name, int declaredOrder) {
    this.name = name;
    this.declaredOrder = declaredOrder;
  }

  Progress progress(IncidentFacts incident) {
    return progress.computeIfAbsent(incident.incidentId(), id -> new Progress(incident));
  }

  /** A line of an incident: it also moves the team's total in that incident. */
  void add(Play cause, Progress in, Stage stage, int points, String text) {
    in.total += points;
    lines.add(
        new Line(
            new ScoreLine(name, in.incident.incidentId(), stage, cause.at(), points, text),
            cause.sequence()));
  }

  /** A team-level line, such as a false claim. */
  void addTeamLine(Play cause, int points, String text) {
    lines.add(
        new Line(new ScoreLine(name, null, null, cause.at(), points, text), cause.sequence()));
  }

  int points() {
    return lines.stream().mapToInt(l -> l.line().points()).sum();
  }

  int reached(Stage stage) {
    return (int) progress.values().stream().filter(p -> p.reachedAt(stage).isPresent()).count();
  }

  /** The last line that changed the score: when the team reached its current points. */
  Optional<Line> lastChange() {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).line().points() != 0) {
        return Optional.of(lines.get(i));
      }
    }
    return Optional.empty();
  }

  Standing standing(int rank) {
    Instant reachedAt = lastChange().map(l -> l.line().at()).orElse(null);
    return new Standing(
        rank,
        name,
        points(),
        reached(Stage.DETECT),
        reached(Stage.DIAGNOSE),
        reached(Stage.RECOVER),
        reachedAt,
        lines.stream().map(Line::line).toList());
  }
}
