package org.daysofchaos.experiments.host;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.NotBlank;
import org.daysofchaos.experiments.faults.Signal;

/**
 * A process on an agent's host is killed. The revert runs the restart command the agent's
 * configuration gives for it, when there is one and {@code restart} is true; otherwise restarting
 * it is the team's job (an until-fixed incident).
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "host/process-kill",
    targets = AgentTarget.class,
    doc =
        "Kills a process the agent allows; the revert restarts it with the agent's configured"
            + " command.")
public record HostProcessKill(
    @Doc("The target (an agent) whose host runs the process.") String target,
    @Doc("The process, by the name the agent's configuration gives it.") @NotBlank String process,
    @Doc("kill (SIGKILL) or term (SIGTERM).") @Default("kill") Signal signal,
    @Doc(
            "Whether the revert restarts it with the agent's configured command (false: the team"
                + " must).")
        @Default("true")
        boolean restart)
    implements FaultSpec {

  @Override
  public String describe() {
    return "kill process " + process + " (SIG" + signal + ")" + (restart ? ", restarted" : "");
  }
}
