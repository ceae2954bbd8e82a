package org.daysofchaos.scoreboard.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.daysofchaos.agents.environment.Environment;
import org.daysofchaos.agents.environment.EnvironmentReader;
import org.daysofchaos.agents.environment.EnvironmentSystems;
import org.daysofchaos.agents.environment.Secrets;

/** The environment file of a command ({@code --environment}), or an empty one without it. */
final class CliEnvironment {
  private CliEnvironment() {}

  /**
   * @throws UserError listing every problem of the file and every secret that cannot be found
   */
  static Environment load(Path file) {
    if (file == null) {
      return Environment.empty(Path.of("").toAbsolutePath());
    }
    EnvironmentReader.Result read = new EnvironmentReader().read(file);
    List<String> problems = new ArrayList<>();
    read.problems().forEach(p -> problems.add(p.toString()));
    read.environment()
        .ifPresent(
            env ->
                problems.addAll(
                    EnvironmentSystems.secretProblems(env, Secrets.ofProcess(env.base()))));
    if (!problems.isEmpty()) {
      throw new UserError(String.join(System.lineSeparator(), problems));
    }
    return read.environment().orElseThrow();
  }
}
