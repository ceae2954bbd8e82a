package org.daysofchaos.core.spi;

import java.util.Collection;
import java.util.List;

/**
 * Polls the alerts a monitoring system fires (Prometheus' {@code /api/v1/alerts}), so that a
 * scenario's {@code detection.alerts} can detect an incident without an Alertmanager pushing them.
 * The run loop asks it every probe interval until an alert the scenario names fires.
 */
public interface AlertWatch {

  /** The kind of source, for journals and reports: {@code prometheus-alerts-api}. */
  String source();

  /** The name of the system polled, as the environment names it: {@code main}. */
  String name();

  /** What polls, for the journal: {@code prometheus-alerts-api main}. */
  default String describe() {
    return source() + " " + name();
  }

  /**
   * The alerts among these names that fire now (not those still pending their {@code for:}).
   *
   * @throws Exception when the system cannot be reached or its answer cannot be read: the alerts
   *     are then unknown, which the run must never mistake for an alert
   */
  List<FiringAlert> firing(Collection<String> alertnames) throws Exception;

  /**
   * How late {@link FiringAlert#activeAt()} is behind the moment the system changed: a change shows
   * in the next scrape and the next rule evaluation, so up to one scrape interval plus one
   * evaluation interval.
   */
  Lag lag();
}
