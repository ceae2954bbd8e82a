/** Placeholder. */
package org.daysofchaos.agents;
