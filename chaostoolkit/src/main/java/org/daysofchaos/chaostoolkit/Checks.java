package org.daysofchaos.chaostoolkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.scenario.Problem;

/**
 * What stops an experiment from running here, found before anything runs: every Python function
 * without an equivalent (file, line, function and the supported list), and every leak {@link Lint}
 * finds is a warning, not a problem.
 */
public final class Checks {
  private Checks() {}

  /** Each activity's mapping, or the problem that refuses it. */
  public record Mapping(Map<Activity, Mapped> mapped, List<Problem> problems) {}

  public static Mapping map(Experiment experiment) {
    Map<Activity, Mapped> mapped = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Activity a : experiment.activities()) {
      List<Activity> all = new ArrayList<>(List.of(a));
      a.tolerance()
          .filter(Tolerance.Probe.class::isInstance)
          .map(t -> ((Tolerance.Probe) t).probe())
          .ifPresent(all::add);
      for (Activity one : all) {
        if (one.provider() instanceof Provider.Python python) {
          try {
            Mapped m = PythonProviders.map(python, experiment.configuration());
            mapped.put(one, experiment.rollbacks().contains(one) ? asRollback(m) : m);
          } catch (PythonProviders.Unsupported e) {
            Where w = one.where();
            problems.add(
                new Problem(
                    w.file(),
                    w.line(),
                    w.column(),
                    "provider",
                    one.describe() + ": " + e.getMessage()));
          }
        }
      }
    }
    return new Mapping(mapped, problems);
  }

  /**
   * A fault written as a rollback (scale_deployment back to 3 replicas) undoes the fault of the
   * method with the same key: our revert restores what it found instead.
   */
  private static Mapped asRollback(Mapped m) {
    if (m instanceof Mapped.Fault f && !f.undoKey().isEmpty()) {
      return new Mapped.Undo(
          f.undoKey(), List.of("undoes " + f.undoKey() + ": our revert restores what it found"));
    }
    return m;
  }
}
