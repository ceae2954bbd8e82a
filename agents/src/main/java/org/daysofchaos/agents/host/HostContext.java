package org.daysofchaos.agents.host;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.TargetKinds;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.host.AgentTarget;

/** What the host injectors share: the agent's configuration, its allow-list and its folder. */
public final class HostContext {
  private final AgentConfig config;

  public HostContext(AgentConfig config) {
    this.config = config;
  }

  public AgentConfig config() {
    return config;
  }

  public Allow allow() {
    return config.allow();
  }

  /** The agent's own folder (ledger, copies of changed files). */
  public Path state() {
    return config.state();
  }

  /**
   * Checks that a target names this agent.
   *
   * @throws TargetRefusedException when it names another agent or is not an agent target
   */
  public void requireSelf(Target target) {
    String agent = TargetKinds.require(target, AgentTarget.class).agent();
    if (!agent.equals(config.name())) {
      throw new TargetRefusedException(
          "target " + target.name() + " names agent " + agent + ", but this is " + config.name());
    }
  }

  /**
   * The allowed entry {@code name} of {@code what}.
   *
   * @throws TargetRefusedException naming the entry and the allowed ones when it is not allowed
   */
  public <T> T allowed(Map<String, T> entries, String noun, String name, Class<?> kind) {
    T entry = entries.get(name);
    if (entry == null) {
      throw refused(
          kind,
          noun
              + " '"
              + name
              + "' is not in its allow-list; allowed: "
              + (entries.isEmpty() ? "none" : String.join(", ", new TreeSet<>(entries.keySet()))));
    }
    return entry;
  }

  /** A refusal by this host: "agent web-1 refuses host/disk-fill: ...". */
  public TargetRefusedException refused(Class<?> kind, String reason) {
    return new TargetRefusedException(
        "agent " + config.name() + " refuses " + KindCatalog.kindName(kind) + ": " + reason);
  }
}
