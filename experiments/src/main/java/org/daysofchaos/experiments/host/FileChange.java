package org.daysofchaos.experiments.host;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.NotBlank;

/**
 * A configured file of an agent's host is changed: the "bad configuration" incident. The revert
 * puts back the exact previous bytes, mode and owner (the rollback lever).
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "host/file-change",
    targets = AgentTarget.class,
    doc =
        "Replaces, appends to or deletes a file the agent allows; the revert restores its exact"
            + " bytes, mode and owner.")
public record FileChange(
    @Doc("The target (an agent) whose file changes.") String target,
    @Doc("The file, by the name the agent's configuration gives it.") @NotBlank String file,
    @Doc("replace, append or delete.") @Default("replace") FileAction action,
    @Doc("The text written (replace) or added (append); unused by delete.") @Default("")
        String content)
    implements FaultSpec {

  @Override
  public String describe() {
    return switch (action) {
      case REPLACE -> "replace file " + file + " (" + content.length() + " characters)";
      case APPEND -> "append " + content.length() + " characters to file " + file;
      case DELETE -> "delete file " + file;
    };
  }
}
