package org.daysofchaos.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  private static List<Duration> seconds(int... values) {
    return IntStream.of(values).mapToObj(Duration::ofSeconds).toList();
  }

  @Test
  void picksTheValueAtRankCeilingOfPTimesN() {
    List<Duration> ten = seconds(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(Percentiles.nearestRank(ten, 50)).contains(Duration.ofSeconds(5));
    assertThat(Percentiles.nearestRank(ten, 90)).contains(Duration.ofSeconds(9));
    assertThat(Percentiles.nearestRank(ten, 91)).contains(Duration.ofSeconds(10));
    assertThat(Percentiles.nearestRank(ten, 100)).contains(Duration.ofSeconds(10));
    assertThat(Percentiles.nearestRank(ten, 1)).contains(Duration.ofSeconds(1));
  }

  @Test
  void givesTheOnlyValueForOneAndNothingForNone() {
    assertThat(Percentiles.nearestRank(seconds(7), 50)).contains(Duration.ofSeconds(7));
    assertThat(Percentiles.nearestRank(seconds(7), 90)).contains(Duration.ofSeconds(7));
    assertThat(Percentiles.nearestRank(List.of(), 50)).isEmpty();
  }

  @Test
  void refusesAPercentileOutsideOneToHundred() {
    assertThatThrownBy(() -> Percentiles.nearestRank(seconds(1), 0))
        .hasMessage("a percentile is between 1 and 100, got 0");
  }

  @Test
  void roundsSharesHalfUp() {
    assertThat(Figures.percent(1, 8)).isEqualTo(13); // 12.5
    assertThat(Figures.percent(2, 3)).isEqualTo(67);
    assertThat(Figures.percent(0, 0)).isZero();
  }
}
