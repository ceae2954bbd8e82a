package org.daysofchaos.core.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injectors;

/**
 * The live half of a dry run: asks each fault's injector whether its target is allowed and
 * reachable and what state it is in, without touching it.
 */
public final class TargetCheck {
  /** One target as its injector sees it now. */
  public record State(Target target, boolean ok, String text) {
    public String describe() {
      return target.name() + " (" + target.describe() + "): " + (ok ? text : "REFUSED: " + text);
    }
  }

  private TargetCheck() {}

  /**
   * One line per distinct target and fault kind of the scenario's faults, in the order the faults
   * name them: a target may allow one kind and refuse another (a host agent that cannot burn CPU
   * but can change a file).
   */
  public static List<State> check(Scenario scenario, Injectors injectors) {
    Set<List<Object>> seen = new LinkedHashSet<>();
    List<State> states = new ArrayList<>();
    for (FaultSpec fault : scenario.faults()) {
      Target target = scenario.target(fault);
      if (seen.add(List.of(target, fault.getClass()))) {
        states.add(inspect(fault, target, injectors));
      }
    }
    return states;
  }

  private static <F extends FaultSpec> State inspect(F fault, Target target, Injectors injectors) {
    Optional<FaultInjector<F>> injector = injectors.forFault(fault);
    if (injector.isEmpty()) {
      return new State(target, false, "no injector is configured for " + KindCatalog.kindOf(fault));
    }
    try {
      return new State(target, true, injector.get().inspect(target));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new State(target, false, "interrupted");
    } catch (Exception e) {
      return new State(target, false, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }
}
