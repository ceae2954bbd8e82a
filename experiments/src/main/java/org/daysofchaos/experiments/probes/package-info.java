/**
 * Probe kinds: conditions to measure, as immutable records. Runners in {@code agents} evaluate
 * them.
 */
package org.daysofchaos.experiments.probes;
