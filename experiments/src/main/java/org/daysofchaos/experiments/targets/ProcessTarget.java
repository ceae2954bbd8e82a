package org.daysofchaos.experiments.targets;

import org.daysofchaos.core.TargetSpec;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.NotBlank;

/**
 * A local operating-system process, written {@code {process: inventory}}.
 *
 * @param process the name the process injector knows it by
 */
@Kind(value = "process", doc = "A local process, by the name the process injector knows it by.")
public record ProcessTarget(@NotBlank String process) implements TargetSpec {

  @Override
  public String describe() {
    return "process " + process;
  }
}
