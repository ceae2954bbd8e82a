package org.daysofchaos.agents.process;

import java.util.List;
import java.util.Map;
import org.daysofchaos.core.spi.FaultInjector;

/** The faults on registered local processes, as one list. */
public final class ProcessBackend {
  private ProcessBackend() {}

  /** An injector for every process fault kind. */
  public static List<FaultInjector<?>> injectors(LocalProcesses processes) {
    return List.of(new ProcessPauseInjector(processes), new ProcessKillInjector(processes));
  }

  /**
   * Reverts an injection of this backend from its ledger record alone (after a crash): resumes a
   * paused process. A killed process is its supervisor's to restart.
   */
  public static void revertFromRecord(Map<String, String> record) throws Exception {
    if ("CONT".equals(record.get("signal"))) {
      new PauseInjection(record.get("process"), Long.parseLong(record.get("pid"))).revert();
    }
  }
}
