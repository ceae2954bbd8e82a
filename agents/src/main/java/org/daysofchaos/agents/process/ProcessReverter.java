package org.daysofchaos.agents.process;

import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.core.spi.Reverter;

/**
 * Reverts a process fault from its ledger record alone: resumes a paused process. A killed process
 * is its supervisor's to restart.
 */
public final class ProcessReverter implements Reverter {
  /** The backend name of the records of this package's injections. */
  public static final String BACKEND = "process";

  @Override
  public String backend() {
    return BACKEND;
  }

  @Override
  public void revert(RevertRecord record) throws Exception {
    if ("CONT".equals(record.data().get("signal"))) {
      new PauseInjection(record.data().get("process"), Long.parseLong(record.data().get("pid")))
          .revert();
    }
  }
}
