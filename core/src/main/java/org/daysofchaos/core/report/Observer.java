package org.daysofchaos.core.report;

/** What observed a moment of an incident, which says how precise it is. */
public enum Observer {
  /** An alert pushed by Alertmanager to the scoreboard's webhook: precise to the push. */
  ALERT,
  /** A detection signal the run loop polls: within one probe interval before the moment. */
  SIGNAL,
  /** A team's submission (claim, diagnosis, fix): the moment it was recorded. */
  TEAM,
  /** The steady-state probes held for the scenario's holdFor: within one probe interval. */
  STEADY_STATE
}
