package org.daysofchaos.agents.process;

import org.daysofchaos.core.Target;

/** What the process injectors share: the target's process must be registered and running. */
final class Running {
  private Running() {}

  /**
   * The target's process, checked to be running.
   *
   * @throws IllegalStateException when it is not running
   */
  static LocalProcess process(LocalProcesses processes, Target target) {
    LocalProcess process = processes.find(target);
    long pid = process.pid();
    if (Signals.state(pid).isEmpty()) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": process "
              + LocalProcesses.name(target)
              + " (pid "
              + pid
              + ") is not running");
    }
    return process;
  }

  /** The dry run of a target: "running, pid 4242" or "stopped, pid 4242". */
  static String inspect(LocalProcesses processes, Target target) {
    long pid = processes.find(target).pid();
    return Signals.state(pid)
        .map(state -> (state == 'T' ? "stopped" : "running") + ", pid " + pid)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "process "
                        + LocalProcesses.name(target)
                        + " (pid "
                        + pid
                        + ") is not running"));
  }
}
