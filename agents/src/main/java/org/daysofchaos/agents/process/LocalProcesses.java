package org.daysofchaos.agents.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.TargetKinds;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.targets.ProcessTarget;

/** The allow-list of local processes, by the name scenarios use. */
public final class LocalProcesses {
  private final Map<String, LocalProcess> byName = new ConcurrentHashMap<>();

  public LocalProcesses register(String name, LocalProcess process) {
    byName.put(name, process);
    return this;
  }

  /**
   * @throws TargetRefusedException if no process of that name is registered
   */
  public LocalProcess find(Target target) {
    String name = name(target);
    LocalProcess process = byName.get(name);
    if (process == null) {
      throw new TargetRefusedException(
          "target "
              + target.name()
              + ": no local process named '"
              + name
              + "' is registered; registered: "
              + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
    }
    return process;
  }

  /**
   * The process a target names, as registered here.
   *
   * @throws TargetRefusedException if it is not a process target
   */
  static String name(Target target) {
    return TargetKinds.require(target, ProcessTarget.class).process();
  }
}
