package org.daysofchaos.core.spi;

import java.time.Duration;
import org.daysofchaos.core.ProbeSpec;

/**
 * Evaluates one kind of probe against the real system: the kind is the record it is typed with, and
 * {@link #probeType()} names it. What the probe watches being down or missing (the endpoint of an
 * {@code http/status} probe refuses connections, a query returns no series) does not hold: return a
 * failing observation that says why. What measures it being unusable (Prometheus is down, it
 * refuses the query) throws: the run then counts the probe as unmeasured, which is neither a
 * detection, nor a deviation, nor a healthy sample towards recovery.
 */
public interface ProbeRunner<P extends ProbeSpec> {

  /** The record of the kind this runner evaluates. */
  Class<P> probeType();

  Observation observe(P probe) throws Exception;

  /**
   * How late this probe, asked every {@code interval}, sees a change of the system (an optional
   * capability): by default within one interval, as a probe that reads the system directly.
   */
  default Lag lag(P probe, Duration interval, Lag.Change change) {
    return Lag.polling(interval);
  }

  /** The evaluating half of a runner, for one written as a lambda. */
  @FunctionalInterface
  interface Observe<P extends ProbeSpec> {
    Observation observe(P probe) throws Exception;

    /**
     * How late this probe, asked every {@code interval}, sees a change of the system (an optional
     * capability): by default within one interval, as a probe that reads the system directly.
     */
    default Lag lag(P probe, Duration interval, Lag.Change change) {
      return Lag.polling(interval);
    }
  }

  /** A runner of one kind from a function: for tests and small adapters. */
  static <P extends ProbeSpec> ProbeRunner<P> of(Class<P> type, Observe<P> observe) {
    return new ProbeRunner<>() {
      @Override
      public Class<P> probeType() {
        return type;
      }

      @Override
      public Observation observe(P probe) throws Exception {
        return observe.observe(probe);
      }
    };
  }
}
