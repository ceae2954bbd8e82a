package org.daysofchaos.experiments.host;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.SpecException;

/** A process on an agent's host takes and holds memory until the fault ends. */
@AutoService(FaultSpec.class)
@Kind(
    value = "host/memory-pressure",
    targets = AgentTarget.class,
    doc = "Holds memory on the agent's host until the fault ends, within the agent's limit.")
public record MemoryPressure(
    @Doc("The target (an agent) whose host is squeezed.") String target,
    @Doc("How much memory to take and hold, e.g. 512MiB.") ByteSize size)
    implements FaultSpec {

  public MemoryPressure {
    if (size != null && size.bytes() == 0) {
      throw new SpecException("size", "must be more than 0 bytes");
    }
  }

  @Override
  public String describe() {
    return "hold " + size + " of memory";
  }
}
