package org.daysofchaos.scoreboard.schedule;

/**
 * What a fault's deadline sets off, the safety net that outlives the process running the fault;
 * crash recovery implements it.
 */
public interface FaultDeadline {
  /** A fault's deadline passed: if nobody runs its incident any more, its faults are reverted. */
  void deadlinePassed(String incidentId);
}
