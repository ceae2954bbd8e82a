package org.daysofchaos.agents.process;

import java.util.List;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Reverter;

/** The faults on registered local processes, as one list. */
public final class ProcessBackend {
  private ProcessBackend() {}

  /** An injector for every process fault kind. */
  public static List<FaultInjector<?>> injectors(LocalProcesses processes) {
    return List.of(new ProcessPauseInjector(processes), new ProcessKillInjector(processes));
  }

  /** The reverter of this backend's ledger records. */
  public static Reverter reverter() {
    return new ProcessReverter();
  }
}
