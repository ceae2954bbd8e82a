package org.daysofchaos.scoreboard.halt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionBlockedException;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.RevertRecord;

/**
 * Puts the halt-all check in front of every injector: while halt-all is in effect, an injection is
 * refused right before it would touch the target, whatever started it. The gate covers every fault
 * kind of the catalog, so kinds added later are covered without touching this class.
 */
public final class HaltGate {
  /** Says why injections are blocked, or null when they are allowed. */
  @FunctionalInterface
  public interface Check extends Supplier<String> {}

  private HaltGate() {}

  public static Injectors guard(Injectors base, KindCatalog catalog, Check blocked) {
    List<FaultInjector<?>> guarded = new ArrayList<>();
    for (String kind : catalog.faultKinds()) {
      guarded.add(guard(catalog.fault(kind).orElseThrow(), base, blocked));
    }
    return Injectors.of(guarded);
  }

  private static <F extends FaultSpec> FaultInjector<F> guard(
      Class<F> type, Injectors base, Check blocked) {
    return new FaultInjector<F>() {
      @Override
      public Class<F> faultType() {
        return type;
      }

      @Override
      public Injection inject(F fault, Target target, InjectionContext context) throws Exception {
        String why = blocked.get();
        if (why != null) {
          throw new InjectionBlockedException(why);
        }
        return base.require(fault).inject(fault, target, context);
      }

      @Override
      public RevertRecord plannedRecord(F fault, Target target, InjectionContext context) {
        return base.forKind(type)
            .map(injector -> injector.plannedRecord(fault, target, context))
            .orElse(RevertRecord.NONE);
      }

      @Override
      public String inspect(Target target) throws Exception {
        FaultInjector<F> injector = base.forKind(type).orElse(null);
        return injector == null ? "no injector" : injector.inspect(target);
      }
    };
  }
}
