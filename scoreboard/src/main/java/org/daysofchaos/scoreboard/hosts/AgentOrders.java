package org.daysofchaos.scoreboard.hosts;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.daysofchaos.agents.host.link.Wire;

/**
 * What an {@link AgentInjector} asks of the agents' link: the {@link AgentRegistry} on the server,
 * a stub in tests.
 */
public interface AgentOrders {
  /**
   * Why a fault kind cannot be applied on an agent now (not connected, or the host lacks the
   * capability), or empty when it can.
   */
  Optional<String> unavailable(String agent, String kind);

  /** What the agent told at hello and when it was last heard from, for the pre-flight. */
  String describe(String agent);

  /**
   * Sends one fault to an agent and waits for its answer; the fault's lease is renewed from then
   * on, until {@link #revert}.
   *
   * @throws TimeoutException when the agent did not answer in time (the order is then withdrawn,
   *     and reverted if it arrives late)
   */
  Wire.Result apply(String agent, Wire.Apply apply, Duration timeout)
      throws InterruptedException, TimeoutException;

  /**
   * Stops renewing a fault and tells the agent to revert it, waiting for its answer.
   *
   * @return the agent's answer, or empty when it is not connected (its lease then ends the fault on
   *     the host by itself)
   * @throws TimeoutException when a connected agent did not answer in time
   */
  Optional<Wire.Result> revert(String agent, String injectionId, Duration timeout)
      throws InterruptedException, TimeoutException;
}
