package org.daysofchaos.agents.host;

import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.NotBlank;
import org.daysofchaos.core.spec.SpecException;

/** A file that host/file-change may replace, append to or delete, and restore. */
public record FileConfig(
    @Doc("Its absolute path, e.g. /etc/shop/app.yaml.") @NotBlank String path) {
  public FileConfig {
    if (path != null && !path.startsWith("/")) {
      throw new SpecException("path", "must be an absolute path, got " + path);
    }
  }
}
