package org.daysofchaos.agents.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.daysofchaos.agents.TargetRefusedException;
import org.daysofchaos.core.Target;

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
    LocalProcess process = byName.get(target.ref());
    if (process == null) {
      throw new TargetRefusedException(
          "target "
              + target.name()
              + ": no local process named '"
              + target.ref()
              + "' is registered; registered: "
              + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
    }
    return process;
  }
}
