/**
 * Fault kinds applied by a host agent ({@code chaos agent}) on a machine the server does not run
 * on, and the {@code agent} target kind that names such a machine. The agent's own configuration
 * decides which processes, files, disks and amounts these faults may touch (docs/agent.md).
 */
package org.daysofchaos.experiments.host;
