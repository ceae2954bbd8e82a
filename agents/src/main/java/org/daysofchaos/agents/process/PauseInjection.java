package org.daysofchaos.agents.process;

import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.RevertRecord;

/** A process we stopped with SIGSTOP: the revert resumes it. */
record PauseInjection(String name, long pid) implements Injection {
  @Override
  public void revert() throws Exception {
    if (Signals.state(pid).isPresent()) {
      Signals.send("CONT", pid);
    }
  }

  @Override
  public Optional<String> residue() {
    return Signals.state(pid)
        .filter(s -> s == 'T')
        .map(s -> "process " + name + " (pid " + pid + ") is still stopped");
  }

  @Override
  public RevertRecord revertRecord() {
    return new RevertRecord(
        ProcessReverter.BACKEND,
        Map.of("process", name, "pid", Long.toString(pid), "signal", "CONT"));
  }
}
