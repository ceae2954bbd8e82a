/**
 * The code that touches real things. Each backend (Toxiproxy servers and the embedded fault proxy,
 * local processes, Kubernetes) exports its injectors, probe runners and reverter; {@link
 * org.daysofchaos.agents.Agents} concatenates them for the run loop of {@code core}, and {@link
 * org.daysofchaos.agents.Leftovers} reverts what a crashed run left, by each record's backend. An
 * injector reads its target as the target kind of its backend with {@link
 * org.daysofchaos.core.spi.TargetKinds#require}.
 */
package org.daysofchaos.agents;
