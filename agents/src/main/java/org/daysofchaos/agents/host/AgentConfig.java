package org.daysofchaos.agents.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * An agent's configuration, as its file says (docs/agent.md).
 *
 * @param name the name the game master gave the agent, and scenarios use ({@code {agent: NAME}})
 * @param state the folder of the agent's ledger and of the files it must restore
 * @param lease how long a fault lasts without the server renewing it
 * @param base the configuration file's folder, against which relative paths are resolved
 */
public record AgentConfig(
    String name, ServerConfig server, Path state, Duration lease, Allow allow, Path base) {
  public AgentConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(allow, "allow");
  }
}
