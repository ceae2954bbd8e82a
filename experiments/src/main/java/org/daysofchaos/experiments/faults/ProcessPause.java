package org.daysofchaos.experiments.faults;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.experiments.targets.ProcessTarget;

/** The process is frozen (SIGSTOP) until the fault ends (SIGCONT): it hangs, it does not die. */
@AutoService(FaultSpec.class)
@Kind(
    value = "process/pause",
    targets = ProcessTarget.class,
    doc = "Freezes a local process (SIGSTOP) until the fault ends (SIGCONT).")
public record ProcessPause(@Doc("The target (a process) to freeze.") String target)
    implements FaultSpec {

  @Override
  public String describe() {
    return "pause (SIGSTOP, resumed with SIGCONT)";
  }
}
