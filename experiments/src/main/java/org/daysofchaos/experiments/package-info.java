/** Placeholder. */
package org.daysofchaos.experiments;
