/**
 * The agent's link to the server (docs/adr/0009-host-agent-protocol.md): it connects out, says
 * hello with its credential and capabilities, then long-polls for orders, carrying the outcomes of
 * the previous ones; each answer renews the leases of the faults the server still wants. {@link
 * org.daysofchaos.agents.host.link.FaultCodec} writes a fault as the JSON of its YAML notation, and
 * the agent reads it back with the scenario binder, so it checks it as a scenario file is checked.
 */
package org.daysofchaos.agents.host.link;
