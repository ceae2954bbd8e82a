package org.daysofchaos.experiments.faults;

/** The signal that ends a process. */
public enum Signal {
  /** SIGTERM: the process may shut down cleanly. */
  TERM,
  /** SIGKILL: the process dies at once. */
  KILL
}
