package org.daysofchaos.core.spi;

import org.daysofchaos.core.ProbeSpec;

/**
 * Evaluates one kind of probe against the real system: the kind is the record it is typed with, and
 * {@link #probeType()} names it. A probe that cannot be evaluated (the endpoint is down, the metric
 * is missing) does not hold; it should say why in the detail rather than throw.
 */
public interface ProbeRunner<P extends ProbeSpec> {

  /** The record of the kind this runner evaluates. */
  Class<P> probeType();

  Observation observe(P probe) throws Exception;

  /** The evaluating half of a runner, for one written as a lambda. */
  @FunctionalInterface
  interface Observe<P extends ProbeSpec> {
    Observation observe(P probe) throws Exception;
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
