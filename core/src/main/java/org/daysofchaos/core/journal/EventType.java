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
   * An alert the scenario names was seen firing: polled by the run loop from Prometheus' alerts API
   * (data {@code source=prometheus-alerts-api}, with {@code activeAt} and the interval of the true
   * moment), or arrived at the scoreboard's Alertmanager webhook ({@code
   * source=alertmanager-webhook}; the first one of the incident, or the first one from a team).
   */
  ALERT_RECEIVED
}
