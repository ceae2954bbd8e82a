package org.daysofchaos.core;

/**
 * What to measure: a condition on the system that either holds or not at a given instant, such as
 * "p99 latency below 0.5 s" or "GET /health answers 200". Used for the steady state (all must hold)
 * and for detection signals (any that holds means the failure was detected).
 */
public interface ProbeSpec {

  /** A one-line, human description, e.g. "booking_request_seconds{quantile="0.99"} < 0.5". */
  String describe();
}
