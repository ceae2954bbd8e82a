package org.daysofchaos.agents.process;

import java.util.List;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Registrations;
import org.daysofchaos.core.spi.Reverter;

/** The faults on registered local processes, as one list. */
public final class ProcessBackend {
  private ProcessBackend() {}

  /**
   * An injector for every process fault kind: each {@link ProcessInjector} registered with
   * {@code @AutoService}, built with the allow-list.
   */
  public static List<FaultInjector<?>> injectors(LocalProcesses processes) {
    return Registrations.instances(ProcessInjector.class, LocalProcesses.class, processes).stream()
        .<FaultInjector<?>>map(injector -> injector)
        .toList();
  }

  /** The reverter of this backend's ledger records. */
  public static Reverter reverter() {
    return new ProcessReverter();
  }
}
