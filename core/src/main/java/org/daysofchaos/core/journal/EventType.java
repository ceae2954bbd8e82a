package org.daysofchaos.core.journal;

/** What a journal event records. */
public enum EventType {
  RUN_STARTED,
  GATE_PASSED,
  GATE_FAILED,
  INJECTING,
  INJECTED,
  INJECTION_FAILED,
  FAULT_ACTIVE,
  PROBE_ERROR,
  STEADY_STATE_DEVIATED,
  STEADY_STATE_RESTORED,
  DETECTED,
  GUARDRAIL_TRIPPED,
  FAULT_ENDING,
  REVERTED,
  REVERT_FAILED,
  RECOVERED,
  NOT_RECOVERED,
  STEP_FAILED,
  ABORTED,
  VERDICT,
  /**
   * An alert the scenario names arrived at the scoreboard's Alertmanager webhook: the first one of
   * the incident, or the first one from a team. Written by the scoreboard, not by the run loop.
   */
  ALERT_RECEIVED
}
