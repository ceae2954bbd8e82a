package org.daysofchaos.experiments.faults;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.experiments.targets.ProcessTarget;

/**
 * The process is killed. Reverting restarts it when its supervisor knows how (the demo's does);
 * otherwise restarting it is the team's job.
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "process/kill",
    targets = ProcessTarget.class,
    doc = "Kills a local process; the revert restarts it where its supervisor can.")
public record ProcessKill(
    @Doc("The target (a process) to kill.") String target,
    @Doc("kill (SIGKILL) or term (SIGTERM).") @Default("kill") Signal signal)
    implements FaultSpec {

  @Override
  public String describe() {
    return "kill (SIG" + signal + ")";
  }
}
