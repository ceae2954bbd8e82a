package org.daysofchaos.scoreboard.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.daysofchaos.agents.environment.Environment;
import org.daysofchaos.agents.environment.EnvironmentReader;
import org.daysofchaos.agents.environment.EnvironmentSystems;
import org.daysofchaos.agents.environment.Secrets;

/**
 * Checks the environment file before the server boots, so that a mistake in it is one line per
 * problem and a non-zero exit, not a stack trace from the middle of start-up: the file reads, its
 * secrets can be found, and it names what a server can use.
 */
final class EnvironmentCheck {
  /** The exit status of a server that refuses its environment file (as for bad input). */
  static final int EXIT_PROBLEMS = 2;

  private EnvironmentCheck() {}

  static List<String> problems(Path file) {
    EnvironmentReader.Result read = new EnvironmentReader().read(file);
    if (!read.ok()) {
      return read.problems().stream().map(Object::toString).toList();
    }
    Environment env = read.environment().orElseThrow();
    List<String> problems =
        new ArrayList<>(EnvironmentSystems.secretProblems(env, Secrets.ofProcess(env.base())));
    return problems;
  }
}
