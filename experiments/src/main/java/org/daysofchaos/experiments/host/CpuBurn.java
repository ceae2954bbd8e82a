package org.daysofchaos.experiments.host;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;

/** Busy loops keep some of an agent host's cores busy for the fault's duration. */
@AutoService(FaultSpec.class)
@Kind(
    value = "host/cpu-burn",
    targets = AgentTarget.class,
    doc = "Keeps cores of the agent's host busy, within the agent's CPU limits.")
public record CpuBurn(
    @Doc("The target (an agent) whose host burns.") String target,
    @Doc("How many cores to keep busy.") @Default("1") @Range(min = 1, max = 1024) int cores,
    @Doc("How busy each of them is kept, in percent.") @Default("100") @Range(min = 1, max = 100)
        int percent)
    implements FaultSpec {

  @Override
  public String describe() {
    return "burn " + cores + " core" + (cores == 1 ? "" : "s") + " at " + percent + "%";
  }
}
