/** Placeholder. */
package org.daysofchaos.core;
