package org.daysofchaos.agents.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.agents.YamlFiles;
import org.daysofchaos.core.scenario.Problem;

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
    return result(
        YamlFiles.read(
            file,
            AgentLanguage.SOURCE,
            AgentLanguage::bind,
            "is a directory, not an agent configuration",
            "is too large; a configuration has at most 1000000 characters"));
  }

  /** Reads a text; {@code sourceName} stands for the file in problems. */
  public Result read(String sourceName, String yamlText, Path base) {
    return result(
        YamlFiles.read(sourceName, yamlText, base, AgentLanguage.SOURCE, AgentLanguage::bind));
  }

  private static Result result(YamlFiles.Read<AgentConfig> read) {
    return new Result(read.value(), read.problems());
  }
}
