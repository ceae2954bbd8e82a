package org.daysofchaos.agents.host;

import java.util.Optional;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.NotBlank;
import org.daysofchaos.core.spec.SpecException;
import org.daysofchaos.experiments.host.ByteSize;

/**
 * A folder whose disk host/disk-fill may fill, never leaving less than {@code floor} free.
 *
 * @param max the most one fault may write there; unbounded (but for the floor) when absent
 */
public record DiskConfig(
    @Doc("An absolute folder on the disk; the fill file is written in it.") @NotBlank String path,
    @Doc("The free space that must always remain on that disk, e.g. 2GiB.") ByteSize floor,
    @Doc("The most one fault may write, e.g. 10GiB (default: down to the floor).")
        Optional<ByteSize> max) {
  public DiskConfig {
    if (path != null && !path.startsWith("/")) {
      throw new SpecException("path", "must be an absolute path, got " + path);
    }
  }
}
