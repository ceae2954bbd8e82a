/**
 * The catalog of the scenario language: {@link org.daysofchaos.experiments.Catalog#standard()}
 * lists every target, fault and probe kind, and {@link org.daysofchaos.experiments.Faults} and
 * {@link org.daysofchaos.experiments.Probes} build them readably in code. Records only; no I/O.
 */
package org.daysofchaos.experiments;
