package org.daysofchaos.agents.environment;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.agents.YamlFiles;
import org.daysofchaos.core.scenario.Problem;

/**
 * Reads environment files (docs/environment.md) in the manner of the scenario and game-day readers:
 * every problem of a file is reported as {@code file:line:column: field: message}, nothing a file
 * contains makes it throw, and a file with any problem yields no environment. Secrets are not
 * looked up here (validating a file needs no credential); {@link Secret#reveal} does it when the
 * systems are wired.
 *
 * <pre>
 * toxiproxy:
 *   default: { url: http://toxiproxy.preprod:8474 }
 * kubernetes:
 *   preprod: { context: preprod, namespaces: [shop] }
 * prometheus:
 *   main:
 *     url: https://prometheus.preprod:9090
 *     bearer: { fromEnv: PROMETHEUS_TOKEN }
 *     scrapeInterval: 15s
 * </pre>
 */
public final class EnvironmentReader {
  /** The file {@code chaos serve} reads when none is given, if it exists. */
  public static final String DEFAULT_FILE = "environment.yaml";

  /** An environment or the problems of its file. */
  public record Result(Optional<Environment> environment, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Reads one file; problems name it as given; relative paths in it are against its folder. */
  public Result read(Path file) {
    return result(
        YamlFiles.read(
            file,
            EnvironmentLanguage.SOURCE,
            EnvironmentLanguage::bind,
            "is a directory, not an environment file",
            "is too large; an environment file has at most 1000000 characters"));
  }

  /** Reads a text; {@code sourceName} stands for the file in problems. */
  public Result read(String sourceName, String yamlText, Path base) {
    return result(
        YamlFiles.read(
            sourceName, yamlText, base, EnvironmentLanguage.SOURCE, EnvironmentLanguage::bind));
  }

  private static Result result(YamlFiles.Read<Environment> read) {
    return new Result(read.value(), read.problems());
  }
}
