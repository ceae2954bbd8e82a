package org.daysofchaos.core.scoring;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one stage scores.
 *
 * @param basePerWeight the stage base is this times the scenario's weight
 * @param halfLife after this long from t_inj the stage is worth half its base (before the floor)
 * @param firstTeamBonusPercents the bonus of the first, second, third... team to reach the stage,
 *     in percent of the base; empty for no such bonus
 */
public record StageRule(
    int basePerWeight, Duration halfLife, List<Integer> firstTeamBonusPercents) {
  public StageRule {
    Objects.requireNonNull(halfLife, "halfLife");
    if (basePerWeight < 0) {
      throw new IllegalArgumentException("basePerWeight must not be negative: " + basePerWeight);
    }
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("halfLife must be longer than 0s: " + halfLife);
    }
    firstTeamBonusPercents = List.copyOf(firstTeamBonusPercents);
    firstTeamBonusPercents.forEach(p -> ScoringRules.requirePercent("firstTeamBonusPercents", p));
  }

  /** The stage base of an incident of this weight. */
  public int base(int weight) {
    return Math.multiplyExact(basePerWeight, weight);
  }
}
