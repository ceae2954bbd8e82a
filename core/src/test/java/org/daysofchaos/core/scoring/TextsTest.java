package org.daysofchaos.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void writesMeasuredTimesToTheSecondWithPaddedParts() {
    assertThat(Texts.elapsed(Duration.ofMillis(45_900))).isEqualTo("45 s");
    assertThat(Texts.elapsed(Duration.ofMinutes(4))).isEqualTo("4 min 00 s");
    assertThat(Texts.elapsed(Duration.ofSeconds(70))).isEqualTo("1 min 10 s");
    assertThat(Texts.elapsed(Duration.ofSeconds(3725))).isEqualTo("1 h 02 min 05 s");
  }

  @Test
  void writesRuleDurationsWithoutTheirZeroParts() {
    assertThat(Texts.span(Duration.ofMinutes(5))).isEqualTo("5 min");
    assertThat(Texts.span(Duration.ofSeconds(90))).isEqualTo("1 min 30 s");
    assertThat(Texts.span(Duration.ofHours(1))).isEqualTo("1 h");
    assertThat(Texts.span(Duration.ofMillis(500))).isEqualTo("500 ms");
  }

  @Test
  void writesSignedPointsWithATypographicMinus() {
    assertThat(Texts.signed(344)).isEqualTo("+344");
    assertThat(Texts.signed(-72)).isEqualTo("\u221272");
    assertThat(Texts.signed(0)).isEqualTo("0");
  }

  @Test
  void writesFractionsAsPercentsWithoutTrailingZeros() {
    assertThat(Texts.percent(0.2)).isEqualTo("20 %");
    assertThat(Texts.percent(0.125)).isEqualTo("12.5 %");
  }
}
