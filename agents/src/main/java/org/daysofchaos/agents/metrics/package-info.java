/**
 * Metric sources and the {@code metric/threshold} probe: a direct scrape of Prometheus text
 * endpoints for the embedded default; the Prometheus HTTP API comes with real deployments.
 */
package org.daysofchaos.agents.metrics;
