/** Placeholder. */
package org.daysofchaos.scoreboard;
