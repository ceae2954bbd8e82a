package org.daysofchaos.core.spi;

import java.time.Duration;
import java.util.List;

/**
 * Answers metric queries: a scrape of a Prometheus text endpoint for the embedded default, the
 * Prometheus HTTP API (PromQL) for real deployments. A query may return several series (one per
 * pod, per instance); the probe that asks decides how to read them.
 */
@FunctionalInterface
public interface MetricSource {

  /**
   * The series a query returns now, each with its labels and its value (which may be NaN or
   * infinite, as Prometheus says).
   *
   * @return empty when the query matches nothing
   * @throws Exception when the source cannot be reached or refuses the query: the value is then
   *     unknown, which a probe must never mistake for a value
   */
  List<MetricSample> samples(String query) throws Exception;

  /**
   * How late a query of this source, asked every {@code interval}, sees a change (an optional
   * capability): by default within one interval, as a source that reads the system when asked.
   */
  default Lag lag(String query, Duration interval, Lag.Change change) {
    return Lag.polling(interval);
  }
}
