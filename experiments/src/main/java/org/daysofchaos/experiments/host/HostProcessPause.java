package org.daysofchaos.experiments.host;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.NotBlank;

/** A process on an agent's host is frozen (SIGSTOP) until the fault ends (SIGCONT). */
@AutoService(FaultSpec.class)
@Kind(
    value = "host/process-pause",
    targets = AgentTarget.class,
    doc = "Freezes a process the agent allows (SIGSTOP) until the fault ends (SIGCONT).")
public record HostProcessPause(
    @Doc("The target (an agent) whose host runs the process.") String target,
    @Doc("The process, by the name the agent's configuration gives it.") @NotBlank String process)
    implements FaultSpec {

  @Override
  public String describe() {
    return "pause process " + process + " (SIGSTOP, resumed with SIGCONT)";
  }
}
