package org.daysofchaos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistributionTest {
  private static Distribution oneToHundred() {
    Longs samples = new Longs();
    for (long v = 100; v >= 1; v--) {
      samples.add(v);
    }
    return Distribution.of(samples);
  }

  @Test
  void percentilesAreNearestRank() {
    Distribution d = oneToHundred();

    assertThat(d.percentile(0.5)).isEqualTo(50);
    assertThat(d.percentile(0.99)).isEqualTo(99);
    assertThat(d.percentile(0.991)).isEqualTo(100);
    assertThat(d.max()).isEqualTo(100);
    assertThat(d.count()).isEqualTo(100);
  }

  @Test
  void printsMicrosecondsAsMillisecondsAndNothingWithoutSamples() {
    Longs samples = new Longs();
    samples.add(2_345);
    samples.add(45_600);

    assertThat(Distribution.of(samples).millis(0.5)).isEqualTo("2.3 ms");
    assertThat(Distribution.of(samples).millis(1)).isEqualTo("46 ms");
    assertThat(Distribution.of(new Longs()).millis(0.5)).isEqualTo("-");
  }
}
