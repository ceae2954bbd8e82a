package org.daysofchaos.scoreboard.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.daysofchaos.agents.environment.Environment;
import picocli.CommandLine.Option;

/**
 * {@code --param NAME=VALUE}: values for the {@code parameters:} of scenarios, added to (and
 * winning over) the environment file's, so that one scenario of the library can be tried on another
 * service without editing a file.
 */
final class ParameterOptions {
  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description =
          "A value for a scenario parameter (repeatable); wins over the environment file's"
              + " parameters and the scenario's default.")
  Map<String, String> given = new LinkedHashMap<>();

  /** The environment's values, then the command line's. */
  Map<String, String> values(Environment environment) {
    Map<String, String> values = new LinkedHashMap<>(environment.parameters());
    values.putAll(given);
    return values;
  }
}
