package org.daysofchaos.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.junit.jupiter.api.Test;

class ScenarioResultTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Path JOURNAL = Path.of("target/chaos-journals/x.json");

  @Test
  void aRunWithinItsBoundsPasses() {
    ScenarioResult result = result(Verdict.PASSED, 2, 5, 9);

    assertThat(
            result
                .passed()
                .detectedWithin(Duration.ofSeconds(2))
                .recoversWithin(Duration.ofSeconds(4)))
        .isSameAs(result);
  }

  @Test
  void aLateDetectionFailsWithTheSummaryAndTheJournal() {
    assertThatThrownBy(() -> result(Verdict.PASSED, 3, 5, 9).detectedWithin(Duration.ofSeconds(2)))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("scenario junit/x: detected after 3.000 s")
        .hasMessageContaining("not within 2s")
        .hasMessageContaining("verdict: PASSED")
        .hasMessageContaining("journal: " + JOURNAL.toAbsolutePath());
  }

  @Test
  void aSlowRecoveryCountsFromTheEndOfATimeBoxedFault() {
    ScenarioResult result = result(Verdict.PASSED, 1, 5, 9);

    assertThatThrownBy(() -> result.recoversWithin(Duration.ofSeconds(3)))
        .hasMessageContaining("not within 3s");
    result.recoversWithin(Duration.ofSeconds(4));
  }

  @Test
  void noRecoveryAndAnotherVerdictFail() {
    ScenarioResult result = result(Verdict.DEVIATED, 1, 5, -1);

    assertThatThrownBy(result::passed).hasMessageContaining("the verdict is DEVIATED");
    assertThatThrownBy(() -> result.recoversWithin(Duration.ofMinutes(1)))
        .hasMessageContaining("did not recover");
  }

  /** Detected, fault ended and recovered that many seconds after the injection (-1: never). */
  private static ScenarioResult result(Verdict verdict, int detected, int ended, int recovered) {
    Optional<Measurement> recovery =
        recovered < 0 ? Optional.empty() : Optional.of(measurement(recovered, "steady state"));
    RunResult run =
        new RunResult(
            "run1",
            "junit/x",
            "X",
            Optional.of(Mode.TIME_BOXED),
            verdict,
            "because",
            T0.minusSeconds(1),
            Optional.of(T0),
            Optional.of(measurement(detected, "a signal")),
            Optional.of(T0.plusSeconds(ended)),
            recovery,
            true,
            List.of());
    return new ScenarioResult(run, JOURNAL);
  }

  private static Measurement measurement(int seconds, String source) {
    return new Measurement(
        T0.plusSeconds(seconds), Duration.ofSeconds(seconds), source, Duration.ofMillis(250));
  }
}
