/**
 * The server's side of the host agents (docs/agent.md, docs/adr/0009-host-agent-protocol.md): the
 * credentials a game master issues and revokes ({@link
 * org.daysofchaos.scoreboard.hosts.AgentCredentials}), the agents connected and the orders waiting
 * for them ({@link org.daysofchaos.scoreboard.hosts.AgentRegistry}), and the injector that sends a
 * host fault to the agent a scenario names ({@link
 * org.daysofchaos.scoreboard.hosts.AgentInjector}). The endpoints themselves are in {@code api}.
 */
package org.daysofchaos.scoreboard.hosts;
