/**
 * The run of one incident: {@link org.daysofchaos.core.run.IncidentRunner} is the run loop of
 * DESIGN.md (gate, inject, observe, end, revert, recover, journal), driving the service provider
 * interfaces of {@code core.spi}; {@link org.daysofchaos.core.run.TargetCheck} is the live half of
 * a dry run.
 */
package org.daysofchaos.core.run;
