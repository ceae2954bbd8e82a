/**
 * The catalog of the scenario language: {@link org.daysofchaos.experiments.Catalog#standard()} is
 * every fault and probe kind registered with {@code @AutoService} (docs/creating-faults.md), and
 * {@link org.daysofchaos.experiments.Faults} and {@link org.daysofchaos.experiments.Probes} build
 * them readably in code. Records only; no I/O.
 */
package org.daysofchaos.experiments;
