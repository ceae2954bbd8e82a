package org.daysofchaos.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RecoveryTime;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;

/**
 * What a scenario run established, with assertions that fail the test with the journal's summary
 * (and where the journal is) when they do not hold. Each returns this result, to chain them.
 */
public final class ScenarioResult {
  private final RunResult result;
  private final Path journal;

  ScenarioResult(RunResult result, Path journal) {
    this.result = result;
    this.journal = journal;
  }

  /** The run as its journal records it. */
  public RunResult result() {
    return result;
  }

  /** The journal file written for the report. */
  public Path journal() {
    return journal;
  }

  public Verdict verdict() {
    return result.verdict();
  }

  /** The summary {@code chaos run} prints. */
  public String summary() {
    return result.summary();
  }

  /**
   * The verdict is {@code PASSED}: the fault was injected and reverted, and the steady state held
   * again within the scenario's {@code recovery.within}.
   */
  public ScenarioResult passed() {
    if (result.verdict() != Verdict.PASSED) {
      fail("the verdict is " + result.verdict() + ", not PASSED");
    }
    return this;
  }

  /** A detection signal held within {@code bound} of the injection. */
  public ScenarioResult detectedWithin(Duration bound) {
    Optional<Measurement> detection = result.detection();
    if (detection.isEmpty()) {
      fail("not detected (within " + Durations.format(bound) + ")");
    } else if (detection.get().reportedAfter().compareTo(bound) > 0) {
      fail(
          "detected after "
              + detection.get().describe()
              + ", not within "
              + Durations.format(bound));
    }
    return this;
  }

  /**
   * The steady state was back within {@code bound}, counted as the report counts it: from the end
   * of a time-boxed fault, from the injection of an until-fixed one. A steady state that never
   * deviated passes.
   */
  public ScenarioResult recoversWithin(Duration bound) {
    if (result.injectedAt().isEmpty()) {
      fail("nothing was injected");
    }
    if (!result.deviated()) {
      return this;
    }
    if (result.recovery().isEmpty()) {
      fail("did not recover (within " + Durations.format(bound) + ")");
    }
    Optional<RecoveryTime> time = result.recoveryTime();
    Duration took = time.map(RecoveryTime::took).orElse(result.recovery().get().reportedAfter());
    if (took.compareTo(bound) > 0) {
      String how = time.map(RecoveryTime::describe).orElse("after " + Durations.seconds(took));
      fail("recovered " + how + ", not within " + Durations.format(bound));
    }
    return this;
  }

  /** The steady state held throughout: the system absorbed the fault. */
  public ScenarioResult steadyStateHeld() {
    if (result.injectedAt().isEmpty()) {
      fail("nothing was injected");
    }
    if (result.deviated()) {
      fail("the steady state deviated under the fault");
    }
    return this;
  }

  private void fail(String what) {
    throw new AssertionError(
        "scenario "
            + result.scenarioId()
            + ": "
            + what
            + "\n"
            + result.summary()
            + "  journal: "
            + journal.toAbsolutePath());
  }

  @Override
  public String toString() {
    return result.summary();
  }
}
