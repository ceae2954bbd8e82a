package org.daysofchaos.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.ProbeSpec;

/** Which runner evaluates which kind of probe: each runner by the record it is typed with. */
public final class ProbeRunners {
  private final Registry<ProbeSpec, ProbeRunner<?>> registry;

  private ProbeRunners(List<? extends ProbeRunner<?>> runners) {
    this.registry = new Registry<>(runners, ProbeRunner::probeType, "probe runner");
  }

  /**
   * The runners of a list, each for the kind it is typed with.
   *
   * @throws IllegalArgumentException when two runners are for the same kind
   */
  public static ProbeRunners of(List<? extends ProbeRunner<?>> runners) {
    return new ProbeRunners(runners);
  }

  /**
   * The runners of several lists (one per backend), as one.
   *
   * @throws IllegalArgumentException when two runners are for the same kind
   */
  @SafeVarargs
  public static ProbeRunners of(List<? extends ProbeRunner<?>>... lists) {
    List<ProbeRunner<?>> all = new ArrayList<>();
    for (List<? extends ProbeRunner<?>> list : lists) {
      all.addAll(list);
    }
    return new ProbeRunners(all);
  }

  /** Every runner, in the order given. */
  public List<ProbeRunner<?>> all() {
    return registry.all();
  }

  @SuppressWarnings("unchecked")
  public <P extends ProbeSpec> Optional<ProbeRunner<P>> forProbe(P probe) {
    return registry.find(probe).map(r -> (ProbeRunner<P>) r);
  }
}
