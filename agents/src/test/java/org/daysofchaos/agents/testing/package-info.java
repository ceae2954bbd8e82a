/**
 * Test fixtures shared with other modules through the agents test-jar: a real Prometheus as a child
 * process.
 */
package org.daysofchaos.agents.testing;
