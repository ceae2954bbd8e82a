package org.daysofchaos.core.spi;

import java.util.Optional;
import org.daysofchaos.core.ProbeSpec;

/** Which runner evaluates which kind of probe. */
public final class ProbeRunners {
  private final Registry<ProbeSpec, ProbeRunner<?>> registry = new Registry<>();

  public static ProbeRunners create() {
    return new ProbeRunners();
  }

  public <P extends ProbeSpec> ProbeRunners with(Class<P> kind, ProbeRunner<? super P> runner) {
    registry.put(kind, runner);
    return this;
  }

  @SuppressWarnings("unchecked")
  public <P extends ProbeSpec> Optional<ProbeRunner<P>> forProbe(P probe) {
    return registry.find(probe).map(r -> (ProbeRunner<P>) r);
  }
}
