package org.daysofchaos.agents.process;

/** A process that scenarios may target, as its supervisor knows it. */
public interface LocalProcess {

  /** The operating-system id of the running process. */
  long pid();

  /**
   * Starts the process again after it was killed. The default cannot: restarting it is then the
   * team's job, and the revert of a kill only reports that it is gone.
   */
  default void restart() throws Exception {
    throw new UnsupportedOperationException("this process has no supervisor that can restart it");
  }

  default boolean canRestart() {
    return false;
  }

  /** A process known only by its pid. */
  static LocalProcess ofPid(long pid) {
    return () -> pid;
  }
}
