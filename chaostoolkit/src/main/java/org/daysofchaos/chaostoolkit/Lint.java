package org.daysofchaos.chaostoolkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What would leak a fault if the experiment ran in Chaos Toolkit: an action with nothing in the
 * rollbacks that undoes it, and a toxic created under one name and removed under another. (Here our
 * revert undoes every mapped fault anyway; the lint is for the experiment itself.)
 */
public final class Lint {
  private Lint() {}

  /** One finding, {@code file:line:column: field: message}. */
  public record Finding(Where where, String message) {
    @Override
    public String toString() {
      return where + ": method: " + message;
    }
  }

  public static List<Finding> check(Experiment experiment, Checks.Mapping mapping) {
    Map<String, Activity> undone = new LinkedHashMap<>();
    for (Activity r : experiment.rollbacks()) {
      if (mapping.mapped().get(r) instanceof Mapped.Undo undo) {
        undone.put(undo.undoKey(), r);
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Activity a : experiment.method()) {
      if (a.probe()) {
        continue;
      }
      Mapped m = mapping.mapped().get(a);
      if (m instanceof Mapped.Fault fault) {
        if (!fault.undoKey().isEmpty() && !undone.containsKey(fault.undoKey())) {
          findings.add(new Finding(a.where(), leak(a, fault, undone)));
        }
      } else if (!(m instanceof Mapped.Undo) && experiment.rollbacks().isEmpty()) {
        findings.add(
            new Finding(
                a.where(),
                a.describe()
                    + " ("
                    + a.provider().describe()
                    + ") changes the system and the experiment has no rollbacks"));
      }
    }
    return findings;
  }

  private static String leak(Activity a, Mapped.Fault fault, Map<String, Activity> undone) {
    String key = fault.undoKey();
    if (key.startsWith("toxic ")) {
      String proxy = key.substring(6, key.indexOf('/'));
      for (Map.Entry<String, Activity> e : undone.entrySet()) {
        if (e.getKey().startsWith("toxic " + proxy + "/")) {
          return a.describe()
              + " creates the toxic '"
              + key.substring(key.indexOf('/') + 1)
              + "' on proxy "
              + proxy
              + " but the rollback "
              + e.getValue().describe()
              + " at line "
              + e.getValue().where().line()
              + " removes '"
              + e.getKey().substring(e.getKey().indexOf('/') + 1)
              + "': the toxic would stay";
        }
      }
    }
    return a.describe()
        + " ("
        + fault.fault().describe()
        + ") has no rollback that undoes it ("
        + key
        + ")";
  }
}
