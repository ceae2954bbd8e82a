package org.daysofchaos.experiments.host;

import org.daysofchaos.core.TargetSpec;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.NotBlank;

/**
 * A host reached through its agent, written {@code {agent: web-1}}: the name the game master gave
 * the agent when issuing its credential.
 *
 * @param agent the agent's name
 */
@Kind(value = "agent", doc = "A host, by the name of the agent that runs on it (chaos agent).")
public record AgentTarget(@NotBlank String agent) implements TargetSpec {

  @Override
  public String describe() {
    return "agent " + agent;
  }
}
