package org.daysofchaos.core.journal;

/** How a run ended. */
public enum Verdict {
  /** Faults injected and reverted; the steady state held again for {@code holdFor}. */
  PASSED,
  /** The steady state did not come back within {@code recovery.within} after the fault. */
  DEVIATED,
  /** Stopped on purpose before the end: the gate failed, a halt, an interrupt, a signal. */
  ABORTED,
  /** Something broke: an injection or a step threw, or a revert could not be verified. */
  FAILED
}
