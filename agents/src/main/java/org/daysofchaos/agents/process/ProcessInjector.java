package org.daysofchaos.agents.process;

import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.experiments.faults.ProcessKill;
import org.daysofchaos.experiments.faults.ProcessPause;
import org.daysofchaos.experiments.faults.Signal;

/** Pauses and kills registered local processes. */
public final class ProcessInjector implements FaultInjector<FaultSpec> {
  private final LocalProcesses processes;

  public ProcessInjector(LocalProcesses processes) {
    this.processes = processes;
  }

  @Override
  public Injection inject(FaultSpec fault, Target target, InjectionContext context)
      throws Exception {
    LocalProcess process = processes.find(target);
    long pid = process.pid();
    if (Signals.state(pid).isEmpty()) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": process "
              + target.ref()
              + " (pid "
              + pid
              + ") is not running");
    }
    if (fault instanceof ProcessPause) {
      Signals.send("STOP", pid);
      return new Pause(target.ref(), pid);
    }
    if (fault instanceof ProcessKill kill) {
      ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
      boolean sent = kill.signal() == Signal.KILL ? handle.destroyForcibly() : handle.destroy();
      if (!sent) {
        throw new IllegalStateException(
            "could not signal process " + target.ref() + " (pid " + pid + ")");
      }
      return new Kill(target.ref(), pid, process);
    }
    throw new IllegalArgumentException(
        "the process injector cannot apply " + fault.getClass().getSimpleName());
  }

  @Override
  public Map<String, String> plannedRecord(
      FaultSpec fault, Target target, InjectionContext context) {
    // Resuming a process that was never stopped is harmless; a kill has nothing to revert.
    return fault instanceof ProcessPause
        ? new Pause(target.ref(), processes.find(target).pid()).revertRecord()
        : Map.of();
  }

  @Override
  public String inspect(Target target) {
    long pid = processes.find(target).pid();
    return Signals.state(pid)
        .map(state -> (state == 'T' ? "stopped" : "running") + ", pid " + pid)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "process " + target.ref() + " (pid " + pid + ") is not running"));
  }

  /**
   * Reverts an injection of this injector from its ledger record alone (after a crash): resumes a
   * paused process. A killed process is its supervisor's to restart.
   */
  public static void revertFromRecord(Map<String, String> record) throws Exception {
    if ("CONT".equals(record.get("signal"))) {
      new Pause(record.get("process"), Long.parseLong(record.get("pid"))).revert();
    }
  }

  private record Pause(String name, long pid) implements Injection {
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
    public Map<String, String> revertRecord() {
      return Map.of("process", name, "pid", Long.toString(pid), "signal", "CONT");
    }
  }

  private record Kill(String name, long pid, LocalProcess process) implements Injection {
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
    public Map<String, String> revertRecord() {
      return Map.of(
          "process",
          name,
          "pid",
          Long.toString(pid),
          "restart",
          Boolean.toString(process.canRestart()));
    }
  }
}
