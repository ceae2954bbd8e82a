package org.daysofchaos.agents.toxiproxy;

import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spi.FaultInjector;

/**
 * An injector of one network fault kind on a configured Toxiproxy-compatible server. Every class
 * that implements it is one kind's injector, built by {@link ToxiproxyBackend} with the servers of
 * the allow-list (a public constructor taking {@link ToxiproxyServers}).
 */
public interface ToxiproxyInjector<F extends FaultSpec> extends FaultInjector<F> {}
