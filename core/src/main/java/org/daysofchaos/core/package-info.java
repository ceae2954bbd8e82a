/**
 * The model of Days of Chaos: scenarios, their targets, faults, probes, detection signals and
 * recovery rules, as immutable records.
 *
 * <p>Fault and probe kinds themselves (latency, outage, metric thresholds, ...) are records of the
 * {@code experiments} module that implement {@link org.daysofchaos.core.FaultSpec} and {@link
 * org.daysofchaos.core.ProbeSpec}; this package only knows their common shape.
 */
package org.daysofchaos.core;
