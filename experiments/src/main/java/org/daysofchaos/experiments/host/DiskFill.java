package org.daysofchaos.experiments.host;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.NotBlank;
import org.daysofchaos.core.spec.SpecException;

/**
 * A file fills a disk of an agent's host; the revert deletes it. The agent never fills below the
 * free-space floor its configuration gives for that disk.
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "host/disk-fill",
    targets = AgentTarget.class,
    doc = "Writes a file on a disk the agent allows, never below its free-space floor.")
public record DiskFill(
    @Doc("The target (an agent) whose disk is filled.") String target,
    @Doc("The disk, by the name the agent's configuration gives it.") @NotBlank String disk,
    @Doc("How much to write, e.g. 2GiB.") ByteSize size)
    implements FaultSpec {

  public DiskFill {
    if (size != null && size.bytes() == 0) {
      throw new SpecException("size", "must be more than 0 bytes");
    }
  }

  @Override
  public String describe() {
    return "fill disk " + disk + " with " + size;
  }
}
