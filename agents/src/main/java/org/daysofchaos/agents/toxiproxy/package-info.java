/**
 * Network faults through Toxiproxy's HTTP API, with the toxiproxy-java client: the same injector
 * drives real Toxiproxy servers and the embedded fault proxy. Only configured servers can be
 * reached (the pre-production guard), and only the toxics we added are ever removed.
 */
package org.daysofchaos.agents.toxiproxy;
