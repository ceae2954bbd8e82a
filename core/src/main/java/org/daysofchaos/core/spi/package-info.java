/**
 * The service provider interfaces a backend implements to take part in a run, in one place apart
 * from the run loop that drives them: {@link org.daysofchaos.core.spi.FaultInjector} applies one
 * kind of fault and returns an {@link org.daysofchaos.core.spi.Injection} that can always be
 * reverted, {@link org.daysofchaos.core.spi.ProbeRunner} evaluates one kind of probe, {@link
 * org.daysofchaos.core.spi.MetricSource} answers metric queries and {@link
 * org.daysofchaos.core.spi.Sleeper} waits on the run's clock. {@link
 * org.daysofchaos.core.spi.Injectors} and {@link org.daysofchaos.core.spi.ProbeRunners} hold them
 * by the kind they are typed with. An injector refuses a target that is not allow-listed, or not of
 * its backend's target kind ({@link org.daysofchaos.core.spi.TargetKinds#require}), with a {@link
 * org.daysofchaos.core.spi.TargetRefusedException} naming the target and the rule.
 *
 * <p>{@code core.journal.RunListener} is a listener of the journal rather than a backend's SPI, and
 * stays beside the events it hears (moving it here would make the two packages depend on each
 * other).
 */
package org.daysofchaos.core.spi;
