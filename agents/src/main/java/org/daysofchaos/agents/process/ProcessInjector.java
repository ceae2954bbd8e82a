package org.daysofchaos.agents.process;

import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spi.FaultInjector;

/**
 * An injector of one process fault kind on a registered local process. Every class that implements
 * it is one kind's injector, built by {@link ProcessBackend} with the allow-list (a public
 * constructor taking {@link LocalProcesses}).
 */
public interface ProcessInjector<F extends FaultSpec> extends FaultInjector<F> {}
