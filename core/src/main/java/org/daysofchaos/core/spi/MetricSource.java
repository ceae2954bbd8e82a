package org.daysofchaos.core.spi;

import java.util.OptionalDouble;

/**
 * Answers metric queries: a scrape of a Prometheus text endpoint for the embedded default, the
 * Prometheus HTTP API (PromQL) for real deployments.
 */
@FunctionalInterface
public interface MetricSource {

  /**
   * The current value of a query.
   *
   * @return empty when the query matches nothing
   * @throws Exception when the source cannot be reached or does not understand the query
   */
  OptionalDouble value(String query) throws Exception;
}
