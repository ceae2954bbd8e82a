package org.daysofchaos.agents.process;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.experiments.faults.ProcessKill;
import org.daysofchaos.experiments.faults.Signal;

/**
 * {@code process/kill}: kills a registered process; the revert restarts it when we started it, else
 * it is its supervisor's to restart. A kill plans no revert record: nothing can be put back.
 */
@AutoService(ProcessInjector.class)
public final class ProcessKillInjector implements ProcessInjector<ProcessKill> {
  private final LocalProcesses processes;

  public ProcessKillInjector(LocalProcesses processes) {
    this.processes = processes;
  }

  @Override
  public Class<ProcessKill> faultType() {
    return ProcessKill.class;
  }

  @Override
  public Injection inject(ProcessKill fault, Target target, InjectionContext context) {
    LocalProcess process = Running.process(processes, target);
    long pid = process.pid();
    ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
    boolean sent = fault.signal() == Signal.KILL ? handle.destroyForcibly() : handle.destroy();
    if (!sent) {
      throw new IllegalStateException(
          "could not signal process " + LocalProcesses.name(target) + " (pid " + pid + ")");
    }
    return new KillInjection(LocalProcesses.name(target), pid, process);
  }

  @Override
  public String inspect(Target target) {
    return Running.inspect(processes, target);
  }
}
