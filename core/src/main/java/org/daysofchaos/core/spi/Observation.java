package org.daysofchaos.core.spi;

/**
 * The outcome of evaluating a probe once.
 *
 * @param holds whether the probe's condition held
 * @param detail what was seen, for the journal: "0.83 (threshold 0.5)", "HTTP 503"
 */
public record Observation(boolean holds, String detail) {
  public static Observation holds(String detail) {
    return new Observation(true, detail);
  }

  public static Observation fails(String detail) {
    return new Observation(false, detail);
  }
}
