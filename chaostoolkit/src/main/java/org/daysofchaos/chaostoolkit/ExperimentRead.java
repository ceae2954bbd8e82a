package org.daysofchaos.chaostoolkit;

import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.scenario.Problem;

/** An experiment file as read: the experiment, or every problem found in it. */
public record ExperimentRead(Optional<Experiment> experiment, List<Problem> problems) {
  public ExperimentRead {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty() && experiment.isPresent();
  }
}
