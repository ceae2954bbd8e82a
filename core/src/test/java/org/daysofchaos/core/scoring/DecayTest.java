package org.daysofchaos.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecayTest {
  private static final Duration FIVE_MIN = Duration.ofMinutes(5);

  @Test
  void detectionOfWeightSixAfterFourMinutesIsWorth344AsInTheDesign() {
    // floor(600 · 0.5^(4/5)) = floor(344.6...) = 344
    assertThat(Scoring.decayed(600, Duration.ofMinutes(4), FIVE_MIN, 0.2)).isEqualTo(344);
  }

  @Test
  void awardsTheWholeBaseAtTheMomentOfInjection() {
    assertThat(Scoring.decayed(600, Duration.ZERO, FIVE_MIN, 0.2)).isEqualTo(600);
  }

  @Test
  void awardsHalfTheBaseAfterOneHalfLifeAndAQuarterAfterTwo() {
    assertThat(Scoring.decayed(600, FIVE_MIN, FIVE_MIN, 0.2)).isEqualTo(300);
    assertThat(Scoring.decayed(600, Duration.ofMinutes(10), FIVE_MIN, 0.2)).isEqualTo(150);
  }

  @Test
  void neverGoesBelowTheFloorShareOfTheBase() {
    assertThat(Scoring.decayed(600, Duration.ofMinutes(15), FIVE_MIN, 0.2))
        .as("0.5^3 = 12.5 %% is below the 20 %% floor")
        .isEqualTo(120);
    assertThat(Scoring.decayed(720, Duration.ofHours(10), FIVE_MIN, 0.2)).isEqualTo(144);
  }

  @Test
  void countsATimeBeforeTheInjectionAsNoTimeAtAll() {
    assertThat(Scoring.decayed(600, Duration.ofSeconds(-30), FIVE_MIN, 0.2)).isEqualTo(600);
  }

  @Test
  void usesFractionsOfASecond() {
    // 0.5^(300.5/300) · 600 = 299.65..., one half-life and a half second
    assertThat(Scoring.decayed(600, FIVE_MIN.plusMillis(500), FIVE_MIN, 0.2)).isEqualTo(299);
  }

  @Test
  void aFloorThatIsAnExactPercentOfTheBaseIsNotLostToBinaryRounding() {
    // 0.57 · 600 is 341.99999999999994 in doubles
    assertThat(Scoring.decayed(600, Duration.ofDays(1), FIVE_MIN, 0.57)).isEqualTo(342);
    assertThat(ScoringRules.defaults().floorPoints(720)).isEqualTo(144);
  }
}
