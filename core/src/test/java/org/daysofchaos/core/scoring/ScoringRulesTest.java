package org.daysofchaos.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringRulesTest {
  private static final ScoringRules DEFAULTS = ScoringRules.defaults();

  @Test
  void defaultsAreTheNumbersOfTheDesign() {
    assertThat(DEFAULTS.base(Stage.DETECT, 6)).isEqualTo(600);
    assertThat(DEFAULTS.base(Stage.DIAGNOSE, 6)).isEqualTo(720);
    assertThat(DEFAULTS.base(Stage.RECOVER, 6)).isEqualTo(1200);
    assertThat(DEFAULTS.rule(Stage.DETECT).halfLife()).isEqualTo(Duration.ofMinutes(5));
    assertThat(DEFAULTS.rule(Stage.DIAGNOSE).halfLife()).isEqualTo(Duration.ofMinutes(15));
    assertThat(DEFAULTS.rule(Stage.RECOVER).halfLife()).isEqualTo(Duration.ofMinutes(30));
    assertThat(DEFAULTS.floor()).isEqualTo(0.2);
    assertThat(DEFAULTS.rule(Stage.DETECT).firstTeamBonusPercents()).isEmpty();
    assertThat(DEFAULTS.rule(Stage.DIAGNOSE).firstTeamBonusPercents()).containsExactly(15, 10, 5);
    assertThat(DEFAULTS.rule(Stage.RECOVER).firstTeamBonusPercents()).containsExactly(15, 10, 5);
    assertThat(DEFAULTS.hintCostPercents()).containsExactly(10, 20, 40);
    assertThat(DEFAULTS.wrongDiagnosisPercent()).isEqualTo(10);
    assertThat(DEFAULTS.freeFalseClaims()).isEqualTo(1);
    assertThat(DEFAULTS.falseClaimCost()).isEqualTo(50);
    assertThat(DEFAULTS.alertBonusPercent()).isEqualTo(25);
  }

  @Test
  void hintsPastTheLastListedCostTheLastShare() {
    assertThat(DEFAULTS.hintCostPercent(0)).isEqualTo(10);
    assertThat(DEFAULTS.hintCostPercent(2)).isEqualTo(40);
    assertThat(DEFAULTS.hintCostPercent(7)).isEqualTo(40);
  }

  @Test
  void rejectsAFloorOutsideZeroToOne() {
    assertThatThrownBy(() -> withFloor(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("floor must be between 0 and 1, got 1.5");
    assertThatThrownBy(() -> withFloor(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAHalfLifeOfZero() {
    assertThatThrownBy(() -> new StageRule(100, Duration.ZERO, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("halfLife must be longer than 0s: PT0S");
  }

  @Test
  void rejectsAnIncidentWithoutWeight() {
    assertThatThrownBy(() -> new IncidentFacts("i1", "demo/x", 0, GameLog.T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("incident i1: weight must be at least 1, got 0");
  }

  private static ScoringRules withFloor(double floor) {
    return new ScoringRules(
        DEFAULTS.detect(),
        DEFAULTS.diagnose(),
        DEFAULTS.recover(),
        floor,
        DEFAULTS.hintCostPercents(),
        DEFAULTS.wrongDiagnosisPercent(),
        DEFAULTS.freeFalseClaims(),
        DEFAULTS.falseClaimCost(),
        DEFAULTS.alertBonusPercent());
  }
}
