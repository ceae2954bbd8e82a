package org.daysofchaos.chaostoolkit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Chaos Toolkit experiment as read, configuration and secrets resolved and substituted into its
 * activities.
 *
 * @param configuration the resolved configuration (environment variables read, typed)
 * @param hypothesis the steady-state hypothesis, checked before and after the method
 * @param method the activities, in order; references already resolved
 * @param rollbacks run after the method, also when it failed
 */
public record Experiment(
    String file,
    String title,
    String description,
    List<String> tags,
    Map<String, Object> configuration,
    Optional<Hypothesis> hypothesis,
    List<Activity> method,
    List<Activity> rollbacks) {

  public Experiment {
    tags = List.copyOf(tags);
    method = List.copyOf(method);
    rollbacks = List.copyOf(rollbacks);
  }

  /** The steady-state hypothesis: a title and probes that each carry a tolerance. */
  public record Hypothesis(String title, List<Activity> probes) {
    public Hypothesis {
      probes = List.copyOf(probes);
    }
  }

  /** Every activity of the experiment: hypothesis probes, method, rollbacks. */
  public List<Activity> activities() {
    List<Activity> all = new java.util.ArrayList<>();
    hypothesis.ifPresent(h -> all.addAll(h.probes()));
    all.addAll(method);
    all.addAll(rollbacks);
    return all;
  }
}
