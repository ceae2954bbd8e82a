package org.daysofchaos.agents.environment;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.YamlSource;
import org.daysofchaos.core.scenario.Problem;
import org.yaml.snakeyaml.nodes.Node;

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
    String name = file.toString();
    try {
      if (Files.isDirectory(file)) {
        return failed(name, "is a directory, not an environment file");
      }
      if (Files.size(file) > YamlSource.MAX_CHARS) {
        return failed(name, "is too large; an environment file has at most 1000000 characters");
      }
      Path base = file.toAbsolutePath().normalize().getParent();
      return read(name, Files.readString(file, StandardCharsets.UTF_8), base);
    } catch (NoSuchFileException e) {
      return failed(name, "no such file");
    } catch (CharacterCodingException e) {
      return failed(name, "is not UTF-8 text");
    } catch (IOException | RuntimeException e) {
      return failed(name, "cannot be read: " + e);
    }
  }

  /** Reads a text; {@code sourceName} stands for the file in problems. */
  public Result read(String sourceName, String yamlText, Path base) {
    ReadContext ctx = new ReadContext(Objects.requireNonNull(sourceName, "sourceName"));
    Environment environment = null;
    try {
      Node root = EnvironmentLanguage.SOURCE.compose(Objects.requireNonNull(yamlText), ctx);
      if (ctx.problemCount() == 0) {
        environment = EnvironmentLanguage.bind(root, base, ctx);
      }
    } catch (RuntimeException | StackOverflowError e) {
      // A bug of the reader, not of the file: say so rather than throw at the caller.
      ctx.problem(1, 1, "yaml", "internal error of the reader, please report it: " + e);
    }
    List<Problem> problems = Problem.of(ctx.sortedProblems());
    return new Result(
        problems.isEmpty() ? Optional.ofNullable(environment) : Optional.empty(), problems);
  }

  private static Result failed(String file, String message) {
    return new Result(Optional.empty(), List.of(new Problem(file, 1, 1, "file", message)));
  }
}
