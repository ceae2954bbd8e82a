package org.daysofchaos.agents.process;

import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.RevertRecord;

/** A process we killed: the revert restarts it if we can, else its supervisor does. */
record KillInjection(String name, long pid, LocalProcess process) implements Injection {
  @Override
  public void revert() throws Exception {
    // Idempotent: once the supervisor runs a new process, there is nothing left to revert.
    if (process.canRestart() && process.pid() == pid) {
      process.restart();
    }
  }

  @Override
  public Optional<String> residue() {
    if (!process.canRestart()) {
      return Optional.empty();
    }
    return process.pid() != pid && Signals.state(process.pid()).isPresent()
        ? Optional.empty()
        : Optional.of("process " + name + " was not restarted");
  }

  @Override
  public RevertRecord revertRecord() {
    return new RevertRecord(
        ProcessReverter.BACKEND,
        Map.of(
            "process",
            name,
            "pid",
            Long.toString(pid),
            "restart",
            Boolean.toString(process.canRestart())));
  }
}
