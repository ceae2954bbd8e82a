/** HTTP probes, on the JDK's HTTP client. */
package org.daysofchaos.agents.http;
