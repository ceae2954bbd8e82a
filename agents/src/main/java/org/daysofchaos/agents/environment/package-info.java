/**
 * The environment file: everything a game day may touch and read, each with a name (Toxiproxy
 * servers, Kubernetes clusters, Prometheus servers, Alertmanagers, local processes), read by the
 * same binder as scenarios ({@link org.daysofchaos.agents.environment.EnvironmentReader}), with
 * secrets that come from environment variables or files, never from the file itself. See {@code
 * docs/environment.md}.
 */
package org.daysofchaos.agents.environment;
