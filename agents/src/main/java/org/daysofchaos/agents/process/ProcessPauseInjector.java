package org.daysofchaos.agents.process;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.experiments.faults.ProcessPause;

/** {@code process/pause}: stops a registered process with SIGSTOP; the revert resumes it. */
@AutoService(ProcessInjector.class)
public final class ProcessPauseInjector implements ProcessInjector<ProcessPause> {
  private final LocalProcesses processes;

  public ProcessPauseInjector(LocalProcesses processes) {
    this.processes = processes;
  }

  @Override
  public Class<ProcessPause> faultType() {
    return ProcessPause.class;
  }

  @Override
  public Injection inject(ProcessPause fault, Target target, InjectionContext context)
      throws Exception {
    long pid = Running.process(processes, target).pid();
    Signals.send("STOP", pid);
    return new PauseInjection(LocalProcesses.name(target), pid);
  }

  /** Resuming a process that was never stopped is harmless. */
  @Override
  public RevertRecord plannedRecord(ProcessPause fault, Target target, InjectionContext context) {
    return new PauseInjection(LocalProcesses.name(target), processes.find(target).pid())
        .revertRecord();
  }

  @Override
  public String inspect(Target target) {
    return Running.inspect(processes, target);
  }
}
