/**
 * Network faults through Toxiproxy's HTTP API, with the toxiproxy-java client: one small class per
 * kind (over the shared {@link org.daysofchaos.agents.toxiproxy.ToxicInjector}) drives real
 * Toxiproxy servers and the embedded fault proxy alike. Only configured servers can be reached (the
 * pre-production guard), and only the toxics we added are ever removed.
 */
package org.daysofchaos.agents.toxiproxy;
