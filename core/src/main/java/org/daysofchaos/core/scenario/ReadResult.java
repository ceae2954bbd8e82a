package org.daysofchaos.core.scenario;

import java.util.List;
import java.util.stream.Collectors;
import org.daysofchaos.core.Scenario;

/**
 * What the reader made of one or more files: the scenarios of the files that had no problem, and
 * every problem of the others (in file order, then by position).
 */
public record ReadResult(List<Scenario> scenarios, List<Problem> problems) {
  public ReadResult {
    scenarios = List.copyOf(scenarios);
    problems = List.copyOf(problems);
  }

  /** True when no file had a problem. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** The problems one per line, as {@code file:line:column: field: message}. */
  public String report() {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
