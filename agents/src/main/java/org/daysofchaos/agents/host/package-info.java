/**
 * The host agent ({@code chaos agent}): a small process on a machine the server does not run on,
 * which applies host faults there on the server's behalf. Its configuration ({@link
 * org.daysofchaos.agents.host.AgentConfigReader}) is the host's allow-list: a request for anything
 * else is refused whatever the server says. {@link org.daysofchaos.agents.host.HostAgent} keeps a
 * ledger on disk written before each change, reverts what a previous run left before accepting
 * anything, and reverts every fault whose lease the server stops renewing (the dead man's switch).
 * The injectors are in {@code internal}, registered as {@link
 * org.daysofchaos.agents.host.HostInjector}s.
 */
package org.daysofchaos.agents.host;
