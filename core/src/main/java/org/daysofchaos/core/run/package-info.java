/**
 * The run of one incident and the service provider interfaces it drives: {@link
 * org.daysofchaos.core.run.FaultInjector} applies faults and returns {@link
 * org.daysofchaos.core.run.Injection}s that can always be reverted, {@link
 * org.daysofchaos.core.run.ProbeRunner} evaluates probes, {@link
 * org.daysofchaos.core.run.MetricSource} answers metric queries. {@link
 * org.daysofchaos.core.run.IncidentRunner} is the run loop of DESIGN.md: gate, inject, observe,
 * end, revert, recover, journal.
 */
package org.daysofchaos.core.run;
