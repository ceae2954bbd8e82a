package org.daysofchaos.experiments.faults;

/** Which way the affected data flows through a proxy, as Toxiproxy names it. */
public enum Direction {
  /** From the client to the dependency (requests). */
  UPSTREAM,
  /** From the dependency back to the client (responses). */
  DOWNSTREAM
}
