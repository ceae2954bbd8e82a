package org.daysofchaos.scoreboard.hosts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.daysofchaos.agents.host.link.FaultCodec;
import org.daysofchaos.agents.host.link.Wire;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.TargetKinds;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.host.AgentTarget;

/**
 * The server's injector of one host fault kind: it sends the fault to the agent the target names
 * and waits for its answer. A fault on an agent that is not connected, or whose host cannot apply
 * the kind, is refused before anything is sent; the agent's own refusal (its allow-list) is the
 * injection's failure, with the agent's reason. While the injection lasts the link renews its
 * lease; its revert is the agent's, checked on the host.
 *
 * <p>The revert record is empty on purpose: the server keeps nothing to revert after its own crash,
 * because the agent reverts by itself when the lease is no longer renewed.
 */
public final class AgentInjector<F extends FaultSpec> implements FaultInjector<F> {
  private final Class<F> type;
  private final String kind;
  private final AgentOrders orders;
  private final Duration lease;
  private final Duration timeout;

  public AgentInjector(Class<F> type, AgentOrders orders, Duration lease, Duration timeout) {
    this.type = type;
    this.kind = KindCatalog.kindName(type);
    this.orders = orders;
    this.lease = lease;
    this.timeout = timeout;
  }

  /** An injector for every kind of the catalog whose targets are agents. */
  public static List<FaultInjector<?>> forEveryHostKind(
      KindCatalog catalog, AgentOrders orders, Duration lease, Duration timeout) {
    List<FaultInjector<?>> injectors = new ArrayList<>();
    for (String name : catalog.faultKinds()) {
      Class<? extends FaultSpec> type = catalog.fault(name).orElseThrow();
      Kind kind = type.getAnnotation(Kind.class);
      if (Arrays.asList(kind.targets()).contains(AgentTarget.class)) {
        injectors.add(new AgentInjector<>(type, orders, lease, timeout));
      }
    }
    return injectors;
  }

  @Override
  public Class<F> faultType() {
    return type;
  }

  @Override
  public String inspect(Target target) {
    String agent = agentOf(target);
    return orders.describe(agent) + ", can apply " + kind;
  }

  @Override
  public Injection inject(F fault, Target target, InjectionContext context) throws Exception {
    String agent = agentOf(target);
    Wire.Apply apply =
        new Wire.Apply(
            context.injectionId(),
            context.runId(),
            null,
            target.name(),
            FaultCodec.encode(fault),
            lease.toMillis());
    Wire.Result answer;
    try {
      answer = orders.apply(agent, apply, timeout);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "agent "
              + agent
              + " did not answer within "
              + timeout.toSeconds()
              + " s; the order is withdrawn (reverted if it arrives late)");
    }
    return switch (answer.status()) {
      case "APPLIED" -> new AgentInjection(agent, context.injectionId());
      case "REFUSED" -> throw new TargetRefusedException(answer.message());
      default ->
          throw new IllegalStateException(
              "agent " + agent + " could not apply " + kind + ": " + answer.message());
    };
  }

  /** The agent a target names, refused when it cannot apply this kind now. */
  private String agentOf(Target target) {
    String agent = TargetKinds.require(target, AgentTarget.class).agent();
    Optional<String> problem = orders.unavailable(agent, kind);
    if (problem.isPresent()) {
      throw new TargetRefusedException("target " + target.name() + ": " + problem.get());
    }
    return agent;
  }

  /** A fault in effect on an agent's host. */
  private final class AgentInjection implements Injection {
    private final String agent;
    private final String injectionId;
    private volatile Optional<String> residue = Optional.empty();

    AgentInjection(String agent, String injectionId) {
      this.agent = agent;
      this.injectionId = injectionId;
    }

    @Override
    public void revert() throws Exception {
      Optional<Wire.Result> answer;
      try {
        answer = orders.revert(agent, injectionId, timeout);
      } catch (TimeoutException e) {
        throw new IllegalStateException(
            "agent " + agent + " did not confirm the revert within " + timeout.toSeconds() + " s");
      }
      if (answer.isEmpty()) {
        residue =
            Optional.of(
                "unconfirmed: agent "
                    + agent
                    + " is not connected; it reverts the fault itself within its lease ("
                    + lease.toSeconds()
                    + " s after its last contact)");
        return;
      }
      if (!answer.get().status().equals("REVERTED")) {
        throw new IllegalStateException(
            "agent " + agent + " could not revert " + kind + ": " + answer.get().message());
      }
      residue = Optional.empty();
    }

    @Override
    public Optional<String> residue() {
      return residue;
    }
  }
}
