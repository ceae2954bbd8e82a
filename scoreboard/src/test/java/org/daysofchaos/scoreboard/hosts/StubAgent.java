package org.daysofchaos.scoreboard.hosts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.daysofchaos.agents.host.link.Wire;

/** An agent link that answers as told, and keeps what it was sent. */
final class StubAgent implements AgentOrders {
  Optional<String> unavailable = Optional.empty();
  String applyStatus = "APPLIED";
  String message = "done";
  boolean connected = true;
  boolean silent;
  final List<Wire.Apply> applied = new ArrayList<>();
  final List<String> reverted = new ArrayList<>();

  @Override
  public Optional<String> unavailable(String agent, String kind) {
    return unavailable;
  }

  @Override
  public String describe(String agent) {
    return "agent " + agent + " connected from host h";
  }

  @Override
  public Wire.Result apply(String agent, Wire.Apply apply, Duration timeout)
      throws TimeoutException {
    applied.add(apply);
    if (silent) {
      throw new TimeoutException();
    }
    return new Wire.Result(apply.injectionId(), applyStatus, message);
  }

  @Override
  public Optional<Wire.Result> revert(String agent, String injectionId, Duration timeout) {
    reverted.add(injectionId);
    return connected
        ? Optional.of(new Wire.Result(injectionId, "REVERTED", "restored"))
        : Optional.empty();
  }
}
