package org.daysofchaos.core.spi;

import org.daysofchaos.core.ProbeSpec;

/**
 * Evaluates one kind of probe against the real system. A probe that cannot be evaluated (the
 * endpoint is down, the metric is missing) does not hold; it should say why in the detail rather
 * than throw.
 */
@FunctionalInterface
public interface ProbeRunner<P extends ProbeSpec> {

  Observation observe(P probe) throws Exception;
}
