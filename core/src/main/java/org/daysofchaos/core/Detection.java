package org.daysofchaos.core;

import java.util.List;

/**
 * How monitoring notices the failure: the first signal whose condition holds after injection is the
 * moment of detection.
 */
public record Detection(List<ProbeSpec> signals) {
  public Detection {
    signals = List.copyOf(signals);
  }

  public static Detection none() {
    return new Detection(List.of());
  }
}
