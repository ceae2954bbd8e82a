package org.daysofchaos.experiments.kubernetes;

/** Which traffic of the isolated pods a network partition denies. */
public enum Traffic {
  /** Connections to the pods. */
  INGRESS,
  /** Connections from the pods (DNS included). */
  EGRESS,
  /** Both ways. */
  BOTH
}
