package org.daysofchaos.core.scoring;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Where one team stands in one incident while the plays are read. */
final class Progress {
  final IncidentFacts incident;
  private final Map<Stage, Instant> reached = new EnumMap<>(Stage.class);
  private final Map<Stage, Integer> charged = new EnumMap<>(Stage.class);
  private final Map<Stage, Integer> heldBack = new EnumMap<>(Stage.class);

  /** The sum of the team's lines in this incident; the cost rule keeps it at 0 or more. */
  int total;

  /** The team's first accepted alert, while it has not claimed detection yet. */
  Play alert;

  boolean lateAlertExplained;

  Progress(IncidentFacts incident) {
    this.incident = incident;
  }

  Optional<Instant> reachedAt(Stage stage) {
    return Optional.ofNullable(reached.get(stage));
  }

  void reach(Stage stage, Instant at) {
    reached.put(stage, at);
  }

  /** The first stage, in DETECT, DIAGNOSE, RECOVER order, the team has not reached. */
  Optional<Stage> nextStage() {
    for (Stage s : Stage.values()) {
      if (!reached.containsKey(s)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  void charge(Stage stage, int now, int later) {
    charged.merge(stage, now, Integer::sum);
    heldBack.merge(stage, later, Integer::sum);
  }

  int charged(Stage stage) {
    return charged.getOrDefault(stage, 0);
  }

  /** Takes the costs held back for a stage, which the stage now pays. */
  int releaseHeldBack(Stage stage) {
    int later = heldBack.getOrDefault(stage, 0);
    heldBack.remove(stage);
    charged.merge(stage, later, Integer::sum);
    return later;
  }
}
