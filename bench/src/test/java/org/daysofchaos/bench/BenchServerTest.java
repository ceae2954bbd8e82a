package org.daysofchaos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchServerTest {
  @Test
  void splitsServerOptionsOnSpaces() {
    assertThat(BenchServer.options("  -Xmx1g   -Dx=y ")).containsExactly("-Xmx1g", "-Dx=y");
    assertThat(BenchServer.options(" ")).isEmpty();
  }
}
