package org.daysofchaos.core.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * A service's resilience score, 0 to 100, and the terms it is computed from, so that anyone can
 * recompute it from the table next to it:
 *
 * <pre>
 * score = 100 · Σ wᵢ · (dᵢ + mᵢ + 2·rᵢ) / Σ 4·wᵢ
 * </pre>
 *
 * over the service's incidents i, where wᵢ is the scenario's weight and dᵢ, mᵢ, rᵢ are 1 when the
 * failure was detected (by anyone), caught by monitoring, and recovered, else 0. Like Litmus'
 * resilience score it is a weighted average of pass/fail checks, weighted by the experiment's
 * weight; like Gremlin's it averages outcomes over every run. Recovery counts double because it is
 * what users feel, and the scarce skill (45 % against 87 % detection at the first Days of Chaos).
 * Times are deliberately left out: they are in the percentiles, and a score with a decay would no
 * longer be recomputable by hand.
 *
 * @param key the service (or "all services")
 * @param earned Σ wᵢ · (dᵢ + mᵢ + 2·rᵢ)
 * @param possible Σ 4·wᵢ
 */
public record ResilienceScore(String key, int earned, int possible, List<ScoreTerm> terms) {
  public static final String FORMULA = "100 \u00b7 \u03a3 w\u00b7(d + m + 2r) / \u03a3 4w";

  public static final String EXPLANATION =
      "w: the scenario's weight; d: detected (by monitoring or a team); m: caught by monitoring"
          + " (an alert or a detection signal); r: recovered; each 1 or 0";

  public ResilienceScore {
    terms = List.copyOf(terms);
  }

  public static ResilienceScore of(String key, List<ScoreTerm> terms) {
    int earned = terms.stream().mapToInt(ScoreTerm::earned).sum();
    int possible = terms.stream().mapToInt(ScoreTerm::possible).sum();
    return new ResilienceScore(key, earned, possible, terms);
  }

  /** The score over the terms of both. */
  public ResilienceScore plus(ResilienceScore other) {
    List<ScoreTerm> all = new ArrayList<>(terms);
    all.addAll(other.terms);
    return of(key, all);
  }

  /** 100 · earned / possible, rounded half up to one decimal; 0 without incidents. */
  @JsonProperty
  public double score() {
    if (possible == 0) {
      return 0;
    }
    return Math.floor(1000.0 * earned / possible + 0.5) / 10.0;
  }

  /** "62.5 = 100 · 25 / 40". */
  public String describe() {
    return score() + " = 100 \u00b7 " + earned + " / " + possible;
  }
}
