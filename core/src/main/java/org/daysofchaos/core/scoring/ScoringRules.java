package org.daysofchaos.core.scoring;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every tunable number of scoring. Shares are whole percents, so that costs and bonuses are exact
 * integer arithmetic; only the time decay is computed in floating point (see {@link
 * Scoring#decayed}).
 *
 * @param detect how detection scores (default 100·w, half-life 5 min, no first-team bonus)
 * @param diagnose how diagnosis scores (default 120·w, half-life 15 min, +15/10/5 % for the first
 *     three teams)
 * @param recover how recovery scores (default 200·w, half-life 30 min, +15/10/5 %)
 * @param floor the share of its base a reached stage is always worth, between 0 and 1 (0.2)
 * @param hintCostPercents the cost of the 1st, 2nd, 3rd... hint bought in an incident, in percent
 *     of the base of the stage the team has not reached yet (10, 20, 40); later hints cost the last
 * @param wrongDiagnosisPercent the cost of each rejected diagnosis, in percent of the diagnosis
 *     base (10)
 * @param freeFalseClaims how many false detection claims a team makes for free in a game day (1)
 * @param falseClaimCost the points each further false detection claim costs (50)
 * @param alertBonusPercent the bonus when the team's own alerting fired before its detection claim,
 *     in percent of the detection base (25)
 */
public record ScoringRules(
    StageRule detect,
    StageRule diagnose,
    StageRule recover,
    double floor,
    List<Integer> hintCostPercents,
    int wrongDiagnosisPercent,
    int freeFalseClaims,
    int falseClaimCost,
    int alertBonusPercent) {

  public ScoringRules {
    Objects.requireNonNull(detect, "detect");
    Objects.requireNonNull(diagnose, "diagnose");
    Objects.requireNonNull(recover, "recover");
    if (!(floor >= 0 && floor <= 1)) {
      throw new IllegalArgumentException("floor must be between 0 and 1, got " + floor);
    }
    hintCostPercents = List.copyOf(hintCostPercents);
    if (hintCostPercents.isEmpty()) {
      throw new IllegalArgumentException("hintCostPercents must give at least one cost");
    }
    hintCostPercents.forEach(p -> requirePercent("hintCostPercents", p));
    requirePercent("wrongDiagnosisPercent", wrongDiagnosisPercent);
    requirePercent("alertBonusPercent", alertBonusPercent);
    if (freeFalseClaims < 0 || falseClaimCost < 0) {
      throw new IllegalArgumentException(
          "freeFalseClaims and falseClaimCost must not be negative, got "
              + freeFalseClaims
              + " and "
              + falseClaimCost);
    }
  }

  /** The defaults of DESIGN.md, "Scoring". */
  public static ScoringRules defaults() {
    List<Integer> firstThree = List.of(15, 10, 5);
    return new ScoringRules(
        new StageRule(100, Duration.ofMinutes(5), List.of()),
        new StageRule(120, Duration.ofMinutes(15), firstThree),
        new StageRule(200, Duration.ofMinutes(30), firstThree),
        0.2,
        List.of(10, 20, 40),
        10,
        1,
        50,
        25);
  }

  public StageRule rule(Stage stage) {
    return switch (stage) {
      case DETECT -> detect;
      case DIAGNOSE -> diagnose;
      case RECOVER -> recover;
    };
  }

  /** The base of a stage for an incident: its points per weight times the weight. */
  public int base(Stage stage, int weight) {
    return rule(stage).base(weight);
  }

  /** The points a reached stage never goes below: floor(floor · base). */
  public int floorPoints(int base) {
    return (int) Math.floor(base * floor + Scoring.ROUNDING_TOLERANCE);
  }

  /** The share of the next stage's base that the hint of this index costs. */
  public int hintCostPercent(int hintIndex) {
    return hintCostPercents.get(Math.min(Math.max(hintIndex, 0), hintCostPercents.size() - 1));
  }

  static void requirePercent(String field, int percent) {
    if (percent < 0) {
      throw new IllegalArgumentException(field + " must not be negative, got " + percent);
    }
  }
}
