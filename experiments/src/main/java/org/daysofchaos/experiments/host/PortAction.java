package org.daysofchaos.experiments.host;

/** What a {@link PortBlock} does to the packets it matches. */
public enum PortAction {
  /** Packets are dropped silently: a connection attempt hangs until it times out. */
  DROP,
  /** Packets are refused at once (a TCP reset, an ICMP port-unreachable for UDP). */
  REJECT
}
