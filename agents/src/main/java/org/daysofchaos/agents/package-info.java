/**
 * The code that touches real things: {@link org.daysofchaos.agents.Agents} wires the injectors
 * (Toxiproxy servers and the embedded fault proxy, local processes) and the probe runners (HTTP,
 * Prometheus metrics) into the run loop of {@code core}.
 */
package org.daysofchaos.agents;
