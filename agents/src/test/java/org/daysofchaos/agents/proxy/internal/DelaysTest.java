package org.daysofchaos.agents.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DelaysTest {
  private final RandomGenerator random = new SplittableRandom(42);

  @Test
  void latencyWithoutJitterIsExact() {
    assertThat(Delays.latencyNanos(10, 0, random)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(10));
  }

  @Test
  void jitterIsUniformAroundTheLatencyOnBothSides() {
    long[] delays = new long[10_000];
    for (int i = 0; i < delays.length; i++) {
      delays[i] = Delays.latencyNanos(100, 20, random);
    }

    assertThat(Arrays.stream(delays).min().orElseThrow()).isBetween(ms(80), ms(81));
    assertThat(Arrays.stream(delays).max().orElseThrow()).isBetween(ms(119), ms(120));
    double mean = Arrays.stream(delays).average().orElseThrow();
    assertThat(mean).isBetween((double) ms(99), (double) ms(101));
    long belowLatency = Arrays.stream(delays).filter(d -> d < ms(100)).count();
    assertThat(belowLatency).isBetween(4_700L, 5_300L);
  }

  @Test
  void jitterLargerThanTheLatencyNeverGivesANegativeDelay() {
    for (int i = 0; i < 1_000; i++) {
      assertThat(Delays.latencyNanos(5, 50, random)).isNotNegative();
    }
  }

  @Test
  void releaseTimesKeepTheOrderOfTheData() {
    long first = Delays.releaseAt(Long.MIN_VALUE, 0, ms(30));
    long second = Delays.releaseAt(first, ms(1), ms(10));

    assertThat(first).isEqualTo(ms(30));
    assertThat(second).isEqualTo(first);
    assertThat(Delays.releaseAt(second, ms(50), ms(10))).isEqualTo(ms(60));
  }

  @Test
  void hugeDelaysDoNotOverflow() {
    long delay = Delays.latencyNanos(Long.MAX_VALUE, Long.MAX_VALUE, random);

    assertThat(delay).isNotNegative();
    assertThat(Delays.releaseAt(Long.MIN_VALUE, System.nanoTime(), delay)).isPositive();
  }

  @Test
  void bandwidthCountsAKilobyteAsAThousandBytes() {
    assertThat(Delays.transmissionNanos(100_000, 100)).isEqualTo(TimeUnit.SECONDS.toNanos(1));
    assertThat(Delays.bandwidthSliceBytes(100)).isEqualTo(1_000);
    assertThat(Delays.bandwidthSliceBytes(0)).isEqualTo(1);
  }

  @Test
  void slicesAddUpToTheDataAndStayNearTheAverage() {
    int[] sizes = Delays.sliceSizes(10_000, 100, 20, random);

    assertThat(Arrays.stream(sizes).sum()).isEqualTo(10_000);
    assertThat(Arrays.stream(sizes).boxed()).allSatisfy(size -> assertThat(size).isBetween(1, 120));
    assertThat(sizes.length).isBetween(70, 160);
  }

  @Test
  void slicesWithoutVariationOrOfSmallDataAreFine() {
    assertThat(Delays.sliceSizes(50, 100, 0, random)).containsExactly(50);
    assertThat(Arrays.stream(Delays.sliceSizes(1_000, 1, 0, random)).sum()).isEqualTo(1_000);
    assertThat(Delays.sliceSizes(0, 10, 2, random)).isEmpty();
  }

  private static long ms(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }
}
