/**
 * The host agent's injectors, one per host fault kind, each registered with {@code @AutoService} as
 * a {@link org.daysofchaos.agents.host.HostInjector}, and the helpers they share: finding allowed
 * processes, signals, the hog process that burns CPU and holds memory.
 */
package org.daysofchaos.agents.host.internal;
