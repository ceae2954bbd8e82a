package org.daysofchaos.agents.host;

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
 * Reads an agent's configuration file as the environment reader reads environment files: every
 * problem as {@code file:line:column: field: message}, nothing in a file makes it throw, and a file
 * with any problem yields no configuration.
 *
 * <pre>
 * name: web-1
 * server:
 *   url: https://chaos.example.org
 *   credential: { fromFile: /etc/days-of-chaos/agent.credential }
 * state: /var/lib/days-of-chaos-agent
 * lease: 5s
 * allow:
 *   processes:
 *     nginx: { pidFile: /run/nginx.pid, restart: [systemctl, start, nginx] }
 *   files:
 *     app-config: { path: /etc/shop/app.yaml }
 *   disks:
 *     data: { path: /var/lib/shop, floor: 2GiB, max: 10GiB }
 *   cpu: { cores: 2, percent: 90 }
 *   memory: { max: 1GiB }
 * </pre>
 */
public final class AgentConfigReader {

  /** A configuration or the problems of its file. */
  public record Result(Optional<AgentConfig> config, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Reads one file; problems name it as given; relative paths in it are against its folder. */
  public Result read(Path file) {
    String name = file.toString();
    try {
      if (Files.isDirectory(file)) {
        return failed(name, "is a directory, not an agent configuration");
      }
      if (Files.size(file) > YamlSource.MAX_CHARS) {
        return failed(name, "is too large; a configuration has at most 1000000 characters");
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
    AgentConfig config = null;
    try {
      Node root = AgentLanguage.SOURCE.compose(Objects.requireNonNull(yamlText), ctx);
      if (ctx.problemCount() == 0) {
        config = AgentLanguage.bind(root, base, ctx);
      }
    } catch (RuntimeException | StackOverflowError e) {
      ctx.problem(1, 1, "yaml", "internal error of the reader, please report it: " + e);
    }
    List<Problem> problems = Problem.of(ctx.sortedProblems());
    return new Result(
        problems.isEmpty() ? Optional.ofNullable(config) : Optional.empty(), problems);
  }

  private static Result failed(String file, String message) {
    return new Result(Optional.empty(), List.of(new Problem(file, 1, 1, "file", message)));
  }
}
