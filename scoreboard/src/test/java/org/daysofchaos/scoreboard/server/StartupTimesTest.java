package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StartupTimesTest {
  private final AtomicLong now = new AtomicLong(10_000);
  private final StartupTimes times = new StartupTimes(10_000, now::get);

  @Test
  void eachPhaseLastsFromThePreviousMarkAndTheLineListsThemInOrder() {
    now.set(10_300);
    times.mark("jvm");
    now.set(10_420);
    times.mark("early-recovery");
    now.set(11_500);
    times.mark("quarkus");

    assertThat(times.phase("early-recovery")).contains(Duration.ofMillis(120));
    assertThat(times.total()).isEqualTo(1_500);
    assertThat(times.summary(Optional.of(Duration.ofMillis(4_130))))
        .isEqualTo(
            "serving 1500 ms after the JVM started (cpu 4.1 s): jvm=300 early-recovery=120"
                + " quarkus=1080");
  }

  @Test
  void aPhaseMarkedTwiceKeepsTheSumOfItsPartsAndTimeNeverRunsBackwards() {
    now.set(10_100);
    times.mark("server");
    now.set(10_150);
    times.mark("http");
    now.set(10_400);
    times.mark("server");
    now.set(10_390); // a clock stepped back: the phase lasts 0, not less
    times.mark("resume");

    assertThat(times.phase("server")).contains(Duration.ofMillis(350));
    assertThat(times.phase("resume")).contains(Duration.ZERO);
    assertThat(times.phase("flyway")).isEmpty();
    assertThat(times.summary(Optional.empty()))
        .isEqualTo("serving 400 ms after the JVM started: server=350 http=50 resume=0");
  }
}
