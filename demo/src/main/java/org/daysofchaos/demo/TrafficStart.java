package org.daysofchaos.demo;

/** When the demo's background traffic starts. */
public enum TrafficStart {
  /** As soon as the demo is up: tests and {@code chaos demo}. */
  AT_ONCE,

  /**
   * At {@link RunningDemo#startTraffic()}: the game-day server asks once it serves, so that the
   * customers' bookings (and the JIT compiling for them in the demo's JVMs) do not take the CPU its
   * own start needs on a small machine (docs/benchmarks.md, "The demo's traffic once the server
   * serves").
   */
  WHEN_ASKED
}
