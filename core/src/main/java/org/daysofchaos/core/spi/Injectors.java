package org.daysofchaos.core.spi;

import java.util.Optional;
import org.daysofchaos.core.FaultSpec;

/** Which injector applies which kind of fault. */
public final class Injectors {
  private final Registry<FaultSpec, FaultInjector<?>> registry = new Registry<>();

  public static Injectors create() {
    return new Injectors();
  }

  public <F extends FaultSpec> Injectors with(Class<F> kind, FaultInjector<? super F> injector) {
    registry.put(kind, injector);
    return this;
  }

  @SuppressWarnings("unchecked")
  public <F extends FaultSpec> Optional<FaultInjector<F>> forFault(F fault) {
    return registry.find(fault).map(i -> (FaultInjector<F>) i);
  }

  /** The injector of a kind, e.g. to wrap it. */
  @SuppressWarnings("unchecked")
  public <F extends FaultSpec> Optional<FaultInjector<F>> forKind(Class<F> kind) {
    return registry.find(kind).map(i -> (FaultInjector<F>) i);
  }
}
