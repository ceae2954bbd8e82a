package org.daysofchaos.scoreboard.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.daysofchaos.chaostoolkit.Checks;
import org.daysofchaos.chaostoolkit.Experiment;
import org.daysofchaos.chaostoolkit.ExperimentRead;
import org.daysofchaos.chaostoolkit.ExperimentReader;
import org.daysofchaos.core.scenario.Problem;

/**
 * Chaos Toolkit experiments given on the command line: told apart from our scenario files, read
 * against the process's environment, and every Python function checked before anything runs.
 */
final class ExperimentFiles {
  private ExperimentFiles() {}

  /** An experiment read and mapped, ready to run. */
  record Loaded(Experiment experiment, Checks.Mapping mapping) {}

  /** The experiments of {@code files}, or every problem found in them. */
  record Result(List<Loaded> experiments, List<Problem> problems) {}

  static boolean isExperiment(Path file) {
    return ExperimentReader.isExperiment(file);
  }

  static Result load(List<Path> files) {
    ExperimentReader reader = ExperimentReader.ofSystemEnv();
    List<Loaded> loaded = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path file : files) {
      ExperimentRead read;
      try {
        read = reader.read(file);
      } catch (IOException e) {
        problems.add(
            new Problem(file.toString(), 1, 1, "file", "cannot read it: " + e.getMessage()));
        continue;
      }
      problems.addAll(read.problems());
      read.experiment()
          .ifPresent(
              experiment -> {
                Checks.Mapping mapping = Checks.map(experiment);
                problems.addAll(mapping.problems());
                loaded.add(new Loaded(experiment, mapping));
              });
    }
    return new Result(loaded, problems);
  }

  /** Splits {@code files} into experiments and our scenario files, keeping each one's order. */
  static List<List<Path>> split(List<Path> files) {
    List<Path> experiments = new ArrayList<>();
    List<Path> scenarios = new ArrayList<>();
    files.forEach(f -> (isExperiment(f) ? experiments : scenarios).add(f));
    return List.of(experiments, scenarios);
  }
}
