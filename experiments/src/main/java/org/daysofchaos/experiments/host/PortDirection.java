package org.daysofchaos.experiments.host;

/** Which packets a {@link PortBlock} matches, seen from the agent's host. */
public enum PortDirection {
  /** Packets arriving for the port on this host: its service becomes unreachable. */
  IN,
  /** Packets this host sends to the port elsewhere: a dependency becomes unreachable. */
  OUT,
  /** Both. */
  BOTH
}
