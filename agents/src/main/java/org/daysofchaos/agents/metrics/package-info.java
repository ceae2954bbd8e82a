/**
 * Metric sources and the {@code metric/threshold} probe: a direct scrape of Prometheus text
 * endpoints for the embedded default, PromQL on the Prometheus HTTP API for real deployments, and
 * {@link org.daysofchaos.agents.metrics.MetricSources}, which a probe's {@code source:} names.
 */
package org.daysofchaos.agents.metrics;
