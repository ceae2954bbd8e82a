package org.daysofchaos.core.gameday;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.daysofchaos.core.scenario.Problem;

/** What the reader made of a game-day file: the game day, or every problem of the file. */
public record GameDayReadResult(Optional<GameDay> gameDay, List<Problem> problems) {
  public GameDayReadResult {
    problems = List.copyOf(problems);
    if (gameDay.isPresent() && !problems.isEmpty()) {
      throw new IllegalArgumentException("a file with problems yields no game day");
    }
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /** The problems one per line, as {@code file:line:column: field: message}. */
  public String report() {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
