/**
 * The catalog of the scenario language: {@link org.daysofchaos.experiments.Catalog#standard()} is
 * the target kinds, in a fixed order, and every fault and probe kind registered with
 * {@code @AutoService} (docs/creating-faults.md); {@link org.daysofchaos.experiments.Faults} and
 * {@link org.daysofchaos.experiments.Probes} build them readably in code. Records only; no I/O.
 */
package org.daysofchaos.experiments;
