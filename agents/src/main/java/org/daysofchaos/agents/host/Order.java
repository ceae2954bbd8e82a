package org.daysofchaos.agents.host;

import java.time.Duration;
import java.util.Objects;
import org.daysofchaos.core.FaultSpec;

/**
 * The server's request to apply one fault on this host.
 *
 * @param injectionId the server's name of the injection, unique; the agent's ledger keys on it
 * @param agent the agent the server meant; an agent refuses an order for another
 * @param target the scenario's name of the target, for messages
 * @param lease how long the fault lasts without a renewal; never longer than the agent's own lease
 */
public record Order(
    String injectionId,
    String runId,
    String scenarioId,
    String agent,
    String target,
    FaultSpec fault,
    Duration lease) {
  public Order {
    Objects.requireNonNull(injectionId, "injectionId");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(lease, "lease");
  }
}
