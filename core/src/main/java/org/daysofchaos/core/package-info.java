/**
 * The model of Days of Chaos: scenarios, their targets, faults, probes, detection signals and
 * recovery rules, as immutable records.
 *
 * <p>Target, fault and probe kinds themselves (a proxy, latency, metric thresholds, ...) are
 * records of the {@code experiments} module that implement {@link org.daysofchaos.core.TargetSpec},
 * {@link org.daysofchaos.core.FaultSpec} and {@link org.daysofchaos.core.ProbeSpec}; this package
 * only knows their common shape, and nothing of the systems they reach.
 */
package org.daysofchaos.core;
