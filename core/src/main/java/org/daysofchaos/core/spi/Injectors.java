package org.daysofchaos.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.KindCatalog;

/** Which injector applies which kind of fault: each injector by the record it is typed with. */
public final class Injectors {
  private final Registry<FaultSpec, FaultInjector<?>> registry;

  private Injectors(List<? extends FaultInjector<?>> injectors) {
    this.registry = new Registry<>(injectors, FaultInjector::faultType, "injector");
  }

  /**
   * The injectors of a list, each for the kind it is typed with.
   *
   * @throws IllegalArgumentException when two injectors are for the same kind
   */
  public static Injectors of(List<? extends FaultInjector<?>> injectors) {
    return new Injectors(injectors);
  }

  /**
   * The injectors of several lists (one per backend), as one.
   *
   * @throws IllegalArgumentException when two injectors are for the same kind
   */
  @SafeVarargs
  public static Injectors of(List<? extends FaultInjector<?>>... lists) {
    List<FaultInjector<?>> all = new ArrayList<>();
    for (List<? extends FaultInjector<?>> list : lists) {
      all.addAll(list);
    }
    return new Injectors(all);
  }

  /** Every injector, in the order given. */
  public List<FaultInjector<?>> all() {
    return registry.all();
  }

  @SuppressWarnings("unchecked")
  public <F extends FaultSpec> Optional<FaultInjector<F>> forFault(F fault) {
    return registry.find(fault).map(i -> (FaultInjector<F>) i);
  }

  /**
   * The injector of a fault's kind.
   *
   * @throws IllegalStateException when none is configured for it
   */
  public <F extends FaultSpec> FaultInjector<F> require(F fault) {
    return this.<F>forFault(fault)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no injector is configured for " + KindCatalog.kindOf(fault)));
  }

  /** The injector of a kind, e.g. to wrap it. */
  @SuppressWarnings("unchecked")
  public <F extends FaultSpec> Optional<FaultInjector<F>> forKind(Class<F> kind) {
    return registry.find(kind).map(i -> (FaultInjector<F>) i);
  }
}
