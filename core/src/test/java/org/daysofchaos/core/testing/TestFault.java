package org.daysofchaos.core.testing;

import org.daysofchaos.core.FaultSpec;

/** A fault that does nothing but be recorded by a {@link RecordingInjector}. */
public record TestFault(String target, String name) implements FaultSpec {
  public static TestFault on(String target) {
    return new TestFault(target, "test fault");
  }

  @Override
  public String describe() {
    return name;
  }
}
