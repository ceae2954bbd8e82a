package org.daysofchaos.core.run;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Guardrail;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RecoveryTime;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.InjectionBlockedException;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.Lag;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.testing.ManualClock;
import org.daysofchaos.core.testing.ManualSleeper;
import org.daysofchaos.core.testing.RecordingInjector;
import org.daysofchaos.core.testing.Scenarios;
import org.daysofchaos.core.testing.ScriptedProbe;
import org.daysofchaos.core.testing.TestFault;
import org.junit.jupiter.api.Test;

class IncidentRunnerTest {
  private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final RecordingInjector injector = new RecordingInjector();
  private final InMemoryLedger ledger = new InMemoryLedger();
  private final ScriptedProbe.Runner probeRunner = ScriptedProbe.runner(clock);
  private final RunControl control = new RunControl();

  private IncidentRunner runner() {
    return runnerWith(ProbeRunners.of(List.of(probeRunner)));
  }

  private IncidentRunner runnerWith(ProbeRunners probes) {
    return runnerWith(Injectors.of(List.of(injector)), probes);
  }

  private IncidentRunner runnerWith(Injectors injectors, ProbeRunners probes) {
    return new IncidentRunner(injectors, probes, ledger, clock, sleeper, RunOptions.defaults());
  }

  private RunResult run(Scenario scenario) {
    return runner().run(scenario, control, List.of());
  }

  private static Scenario boxed(
      Duration duration, ProbeSpec steady, ProbeSpec signal, FaultSpec... faults) {
    return Scenarios.timeBoxed(
        duration, ofSeconds(5), List.of(faults), List.of(steady), List.of(signal));
  }

  private static Instant t(double seconds) {
    return T0.plusMillis((long) (seconds * 1000));
  }

  private static List<EventType> types(RunResult result) {
    return result.events().stream().map(JournalEvent::type).toList();
  }

  @Test
  void measuresDetectionAndRecoveryWithinOneIntervalOfTheTrueMoment() {
    ScriptedProbe steady = ScriptedProbe.failingBetween("latency ok", t(2.5), t(13.5));
    ScriptedProbe signal = ScriptedProbe.holdingBetween("latency alert", t(3.2), t(1000));

    RunResult result = run(boxed(ofSeconds(10), steady, signal, TestFault.on("db")));

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(result.injectedAt()).contains(T0);
    assertThat(result.detection().orElseThrow().after()).isEqualTo(ofSeconds(4));
    assertThat(result.detection().orElseThrow().source()).isEqualTo("latency alert");
    assertThat(result.detection().orElseThrow().resolution()).isEqualTo(ofSeconds(1));
    assertThat(result.faultEndedAt()).contains(t(10));
    // The steady state is back from 13.5 s; the first sample that sees it is at 14 s.
    assertThat(result.recovery().orElseThrow().after()).isEqualTo(ofSeconds(14));
    assertThat(result.deviated()).isTrue();
    assertThat(injector.active()).isEmpty();
    assertThat(ledger.open()).isEmpty();
  }

  /** Sees the scripted world six seconds late and says so, as a PromQL query over a window. */
  private ProbeRunner<ScriptedProbe> seeingSixSecondsLate() {
    return new ProbeRunner<>() {
      @Override
      public Class<ScriptedProbe> probeType() {
        return ScriptedProbe.class;
      }

      @Override
      public Observation observe(ScriptedProbe probe) {
        boolean holds = probe.holdsAt().test(clock.instant().minusSeconds(6));
        return holds ? Observation.holds("late") : Observation.fails("late");
      }

      @Override
      public Lag lag(ScriptedProbe probe, Duration interval, Lag.Change change) {
        return Lag.throughSamples(ofSeconds(5), ofSeconds(6).plus(interval));
      }
    };
  }

  @Test
  void aMomentSeenLateIsStatedAsTheIntervalThatHoldsTheTrueMomentAndReportedAsItsMiddle() {
    ScriptedProbe steady = ScriptedProbe.failingBetween("p99 ok", t(2.5), t(23.5));
    ScriptedProbe signal = ScriptedProbe.holdingBetween("p99 high", t(3.2), t(1000));

    RunResult result =
        runnerWith(ProbeRunners.of(List.of(seeingSixSecondsLate())))
            .run(boxed(ofSeconds(20), steady, signal, TestFault.on("db")), control, List.of());

    Measurement detection = result.detection().orElseThrow();
    assertThat(detection.at()).as("seen late").isEqualTo(t(10));
    assertThat(t(3.2)).isBetween(detection.trueFrom(), detection.trueTo());
    Measurement recovery = result.recovery().orElseThrow();
    assertThat(recovery.at()).isEqualTo(t(30));
    assertThat(t(23.5)).isBetween(recovery.trueFrom(), recovery.trueTo());
    assertThat(Duration.between(t(23.5), recovery.reported()).abs())
        .isLessThanOrEqualTo(ofSeconds(1));
    assertThat(result.recoveryTime().orElseThrow().took())
        .as("self-healing counted from the estimate, not from the late sighting")
        .isEqualTo(ofSeconds(4));
    assertThat(result.summary()).contains("true moment");
  }

  @Test
  void journalsEveryStepInOrder() {
    ScriptedProbe steady = ScriptedProbe.failingBetween("latency ok", t(2.5), t(12));
    ScriptedProbe signal = ScriptedProbe.holdingBetween("latency alert", t(3), t(1000));

    RunResult result = run(boxed(ofSeconds(10), steady, signal, TestFault.on("db")));

    assertThat(types(result))
        .containsExactly(
            EventType.RUN_STARTED,
            EventType.GATE_PASSED,
            EventType.INJECTING,
            EventType.INJECTED,
            EventType.FAULT_ACTIVE,
            EventType.DETECTED,
            EventType.STEADY_STATE_DEVIATED,
            EventType.FAULT_ENDING,
            EventType.REVERTED,
            EventType.STEADY_STATE_RESTORED,
            EventType.RECOVERED,
            EventType.VERDICT);
    assertThat(result.summary())
        .contains("detected: after 3.000 s (± 1s) by latency alert")
        .contains("recovered: self-healing after the fault ended: 2.000 s (± 1s) [time-boxed]")
        .contains("back 12.000 s (± 1s) after the injection")
        .contains("verdict: PASSED");
  }

  @Test
  void aTimeBoxedFaultsRecoveryCountsFromTheEndOfTheFault() {
    // A 30 s fault the system shrugs off 1 s after it ended (holdFor 5 s).
    ScriptedProbe steady = ScriptedProbe.failingBetween("latency ok", t(2), t(31));

    RunResult result =
        run(boxed(ofSeconds(30), steady, ScriptedProbe.always("alert", false), TestFault.on("db")));

    assertThat(result.mode()).contains(Mode.TIME_BOXED);
    assertThat(result.faultEndedAt()).contains(t(30));
    // The recovery moment is when the steady state started to hold (31 s), not when it had held
    // for holdFor (36 s); on the timeline it is 31 s after the injection.
    assertThat(result.recovery().orElseThrow().at()).isEqualTo(t(31));
    RecoveryTime healing = result.recoveryTime().orElseThrow();
    assertThat(healing.kind()).isEqualTo(RecoveryTime.Kind.SELF_HEALING);
    assertThat(healing.from()).isEqualTo(t(30));
    assertThat(healing.took()).isEqualTo(ofSeconds(1));
    assertThat(healing.resolution()).isEqualTo(ofSeconds(1));
    assertThat(result.reason())
        .isEqualTo("the system recovered; self-healing after the fault ended: 1.000 s (± 1s)");
    assertThat(result.summary()).doesNotContain("recovered after 31");
  }

  @Test
  void aTimeBoxedFaultWhoseSystemHealedWhileItLastedCountsZero() {
    // Failover after 5 s: the steady state is back from 8 s while the 60 s fault is in place.
    ScriptedProbe steady = ScriptedProbe.failingBetween("latency ok", t(2), t(8));

    RunResult result =
        run(boxed(ofSeconds(60), steady, ScriptedProbe.always("alert", false), TestFault.on("db")));

    RecoveryTime healing = result.recoveryTime().orElseThrow();
    assertThat(healing.took()).isEqualTo(Duration.ZERO);
    assertThat(healing.beforeTheFaultEnded()).isTrue();
    assertThat(result.reason()).contains("0 s, the steady state was back before the fault ended");
  }

  @Test
  void anUntilFixedIncidentsTimeToRestoreCountsFromTheInjection() {
    // A team's fix brings the steady state back at 12 min; the fault is reverted at 12 min 05 s.
    Scenario scenario =
        Scenarios.scenario(
            Mode.UNTIL_FIXED,
            Optional.empty(),
            ofMinutes(20),
            ofSeconds(5),
            List.of(TestFault.on("db")),
            List.of(ScriptedProbe.failingBetween("ok", t(1), t(720))),
            List.of());

    RunResult result = run(scenario);

    assertThat(result.faultEndedAt()).contains(t(725));
    RecoveryTime restore = result.recoveryTime().orElseThrow();
    assertThat(restore.kind()).isEqualTo(RecoveryTime.Kind.TIME_TO_RESTORE);
    assertThat(restore.from()).isEqualTo(T0);
    assertThat(restore.took()).isEqualTo(ofMinutes(12));
    assertThat(result.reason())
        .isEqualTo("the system recovered; time to restore: 720.000 s (± 1s) after the injection");
    assertThat(result.summary()).contains("recovered: time to restore: 720.000 s (± 1s)");
  }

  @Test
  void writesTheLedgerBeforeTheInjectorIsCalled() {
    injector.beforeInject(
        ctx ->
            assertThat(ledger.open())
                .extracting(LedgerEntry::injectionId, LedgerEntry::state)
                .contains(
                    org.assertj.core.groups.Tuple.tuple(
                        ctx.injectionId(), LedgerEntry.State.INTENDED)));

    RunResult result =
        run(
            boxed(
                ofSeconds(3),
                ScriptedProbe.always("ok", true),
                ScriptedProbe.always("alert", false),
                TestFault.on("db")));

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(ledger.all())
        .extracting(LedgerEntry::state)
        .containsExactly(LedgerEntry.State.REVERTED);
  }

  @Test
  void abortsWithoutInjectingWhenTheSteadyStateDoesNotHoldAtTheGate() {
    RunResult result =
        run(
            boxed(
                ofSeconds(10),
                ScriptedProbe.always("ok", false),
                ScriptedProbe.always("alert", false),
                TestFault.on("db")));

    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(result.reason()).contains("nothing was injected");
    assertThat(injector.log()).isEmpty();
    assertThat(result.injectedAt()).isEmpty();
    assertThat(types(result)).contains(EventType.GATE_FAILED).doesNotContain(EventType.INJECTING);
  }

  @Test
  void revertsTheFaultsAlreadyInjectedWhenALaterInjectionThrows() {
    injector.failInjecting("second");

    RunResult result =
        run(
            boxed(
                ofSeconds(10),
                ScriptedProbe.always("ok", true),
                ScriptedProbe.always("alert", false),
                new TestFault("db", "first"),
                new TestFault("cache", "second")));

    assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(result.reason()).contains("inject failed").contains("injector refused second");
    assertThat(injector.active()).isEmpty();
    assertThat(injector.log()).endsWith("revert " + result.runId() + "-0");
    assertThat(ledger.open()).isEmpty();
    assertThat(ledger.all())
        .extracting(LedgerEntry::state)
        .containsExactly(LedgerEntry.State.REVERTED, LedgerEntry.State.FAILED);
    assertThat(types(result))
        .contains(EventType.INJECTION_FAILED, EventType.STEP_FAILED, EventType.REVERTED);
  }

  @Test
  void revertsEveryInjectionWhenTheRunIsInterrupted() throws Exception {
    sleeper.interruptAt(t(4));

    RunResult result =
        run(
            boxed(
                ofSeconds(10),
                ScriptedProbe.always("ok", true),
                ScriptedProbe.always("alert", false),
                new TestFault("db", "first"),
                new TestFault("cache", "second")));

    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(result.reason()).contains("interrupted");
    assertThat(injector.active()).isEmpty();
    assertThat(ledger.open()).isEmpty();
    // The interrupt is handed back to the caller once the faults are gone.
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void endsAnUnfixedIncidentAtItsMaxDurationAndSaysSo() {
    Scenario scenario =
        Scenarios.scenario(
            Mode.UNTIL_FIXED,
            Optional.empty(),
            ofMinutes(20),
            ofSeconds(5),
            List.of(TestFault.on("db")),
            List.of(ScriptedProbe.failingBetween("ok", t(1), t(1201.5))),
            List.of());

    RunResult result = run(scenario);

    assertThat(result.faultEndedAt()).contains(t(1200));
    assertThat(result.events())
        .anySatisfy(
            e ->
                assertThat(e.message())
                    .isEqualTo("ending the fault: its max duration of 20m was reached"));
    assertThat(injector.active()).isEmpty();
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(result.recovery().orElseThrow().after()).isEqualTo(ofSeconds(1202));
    // Back only after the safety bound reverted the fault: no fix, so no time to restore.
    assertThat(result.recoveryTime()).isEmpty();
    assertThat(result.reason())
        .isEqualTo(
            "the steady state came back only after the fault had ended,"
                + " 1202.000 s (± 1s) after the injection");
    assertThat(result.summary()).contains("recovered: not by a fix");
  }

  @Test
  void endsAnUntilFixedIncidentWhenTheSteadyStateHoldsAgainForHoldFor() {
    Scenario scenario =
        Scenarios.scenario(
            Mode.UNTIL_FIXED,
            Optional.empty(),
            ofMinutes(20),
            ofSeconds(5),
            List.of(TestFault.on("db")),
            List.of(ScriptedProbe.failingBetween("ok", t(1), t(60))),
            List.of());

    RunResult result = run(scenario);

    assertThat(result.recovery().orElseThrow().after()).isEqualTo(ofSeconds(60));
    assertThat(result.faultEndedAt()).contains(t(65));
    assertThat(result.events())
        .anySatisfy(e -> assertThat(e.message()).contains("fixed: the steady state held for 5s"));
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
  }

  @Test
  void oneGoodSampleIsNotRecovery() {
    // Healthy for one sample at 20 s, then failing again until 30 s.
    ScriptedProbe steady =
        new ScriptedProbe(
            "flapping", at -> at.isBefore(t(1)) || at.equals(t(20)) || !at.isBefore(t(30)));

    RunResult result =
        run(boxed(ofSeconds(10), steady, ScriptedProbe.always("alert", false), TestFault.on("db")));

    assertThat(result.recovery().orElseThrow().after()).isEqualTo(ofSeconds(30));
  }

  @Test
  void isDeviatedWhenTheSystemDoesNotRecoverInTime() {
    RunResult result =
        run(
            boxed(
                ofSeconds(10),
                ScriptedProbe.failingBetween("ok", t(1), t(100_000)),
                ScriptedProbe.always("alert", false),
                TestFault.on("db")));

    assertThat(result.verdict()).isEqualTo(Verdict.DEVIATED);
    assertThat(result.recovery()).isEmpty();
    assertThat(result.faultEndedAt()).contains(t(10));
    assertThat(types(result)).contains(EventType.NOT_RECOVERED);
    assertThat(clock.instant()).isEqualTo(t(130));
  }

  /** A runner of scripted probes where {@code broken} throws while {@code down} holds. */
  private IncidentRunner runnerWhereBrokenThrows(java.util.function.Predicate<Instant> down) {
    return runnerWith(
        ProbeRunners.of(
            List.of(
                ProbeRunner.of(
                    ScriptedProbe.class,
                    probe -> {
                      if (probe.name().startsWith("broken") && down.test(clock.instant())) {
                        throw new java.io.IOException("connection refused");
                      }
                      return probeRunner.observe(probe);
                    }))));
  }

  @Test
  void aSteadyStateThatCannotBeMeasuredWhenRecoveryEndsFailsTheRunAndSaysWhatItCouldNotMeasure() {
    RunResult result =
        runnerWhereBrokenThrows(at -> at.isAfter(t(2)))
            .run(
                boxed(
                    ofSeconds(10),
                    ScriptedProbe.always("broken", true),
                    ScriptedProbe.always("alert", false),
                    TestFault.on("db")),
                control,
                List.of());

    assertThat(result.events().stream().filter(e -> e.type() == EventType.PROBE_ERROR))
        .singleElement()
        .satisfies(
            e -> assertThat(e.message()).contains("broken: probe error: connection refused"));
    assertThat(result.deviated()).isFalse();
    assertThat(result.recovery()).isEmpty();
    assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(result.reason())
        .contains("could not measure recovery")
        .contains("connection refused");
    assertThat(types(result)).doesNotContain(EventType.STEADY_STATE_DEVIATED);
    assertThat(injector.active()).isEmpty();
  }

  @Test
  void aProbeErrorIsNeitherADeviationNorARecovery() {
    // The metric source is down from 2 s to 30 s; the system itself never deviates. An until-fixed
    // incident must not end as "fixed" when the source comes back.
    Scenario scenario =
        Scenarios.scenario(
            Mode.UNTIL_FIXED,
            Optional.empty(),
            ofMinutes(1),
            ofSeconds(5),
            List.of(TestFault.on("db")),
            List.of(ScriptedProbe.always("broken steady state", true)),
            List.of());

    RunResult result =
        runnerWhereBrokenThrows(at -> at.isAfter(t(2)) && at.isBefore(t(30)))
            .run(scenario, control, List.of());

    assertThat(result.deviated()).isFalse();
    assertThat(result.recovery()).isEmpty();
    assertThat(result.faultEndedAt()).contains(t(60));
    assertThat(types(result)).doesNotContain(EventType.STEADY_STATE_DEVIATED);
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
  }

  @Test
  void aSignalThatCannotBeEvaluatedIsNotADetection() {
    RunResult result =
        runnerWhereBrokenThrows(at -> true)
            .run(
                boxed(
                    ofSeconds(10),
                    ScriptedProbe.failingBetween("ok", t(1), t(12)),
                    ScriptedProbe.always("broken signal", true),
                    TestFault.on("db")),
                control,
                List.of());

    assertThat(result.detection()).isEmpty();
    assertThat(types(result)).doesNotContain(EventType.DETECTED).contains(EventType.PROBE_ERROR);
  }

  @Test
  void noRecoveryIsMeasuredThroughAGapInTheMeasurements() {
    // The system deviates from 1 s to 12 s and is healthy after; the source is down 13-15 s, so
    // the hold of 5 s counts from the first healthy sample after the gap.
    RunResult result =
        runnerWhereBrokenThrows(at -> !at.isBefore(t(13)) && at.isBefore(t(15)))
            .run(
                boxed(
                    ofSeconds(10),
                    ScriptedProbe.failingBetween("broken steady state", t(1), t(12)),
                    ScriptedProbe.always("alert", false),
                    TestFault.on("db")),
                control,
                List.of());

    assertThat(result.deviated()).isTrue();
    assertThat(result.recovery().orElseThrow().after()).isEqualTo(ofSeconds(15));
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
  }

  @Test
  void aProbeThatDoesNotHoldWinsOverOneThatCannotBeEvaluated() {
    Scenario scenario =
        Scenarios.timeBoxed(
            ofSeconds(10),
            ofSeconds(5),
            List.of(TestFault.on("db")),
            List.of(
                ScriptedProbe.always("broken source", true),
                ScriptedProbe.failingBetween("latency ok", t(3), t(100_000))),
            List.of(ScriptedProbe.always("alert", false)));

    RunResult result =
        runnerWhereBrokenThrows(at -> at.isAfter(t(2))).run(scenario, control, List.of());

    assertThat(result.deviated()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.DEVIATED);
  }

  @Test
  void retriesAFailingRevertAndReportsAFaultThatStaysAsFailed() {
    injector.leaveResidue();

    RunResult result =
        run(
            boxed(
                ofSeconds(3),
                ScriptedProbe.always("ok", true),
                ScriptedProbe.always("alert", false),
                TestFault.on("db")));

    assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(result.reason()).contains("still in effect after revert");
    assertThat(injector.log().stream().filter(l -> l.startsWith("revert"))).hasSize(3);
    assertThat(types(result)).contains(EventType.REVERT_FAILED);
    assertThat(ledger.open()).hasSize(1);
  }

  @Test
  void succeedsWhenARevertFailsOnceAndWorksOnRetry() {
    injector.failReverting(1);

    RunResult result =
        run(
            boxed(
                ofSeconds(3),
                ScriptedProbe.always("ok", true),
                ScriptedProbe.always("alert", false),
                TestFault.on("db")));

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(injector.active()).isEmpty();
  }

  @Test
  void abortsAndRevertsWhenHalted() {
    List<org.daysofchaos.core.journal.RunListener> haltOnDetection =
        List.of(
            e -> {
              if (e.type() == EventType.DETECTED) {
                control.abort("halt-all by the game master");
              }
            });

    RunResult result =
        runner()
            .run(
                boxed(
                    ofSeconds(60),
                    ScriptedProbe.always("ok", true),
                    ScriptedProbe.holdingBetween("alert", t(5), t(99)),
                    TestFault.on("db")),
                control,
                haltOnDetection);

    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(result.reason()).isEqualTo("halt-all by the game master");
    assertThat(result.faultEndedAt()).contains(t(6));
    assertThat(injector.active()).isEmpty();
  }

  @Test
  void endingTheFaultEarlyStillMeasuresRecovery() {
    control.endFault("ended by the game master");

    RunResult result =
        run(
            boxed(
                ofSeconds(60),
                ScriptedProbe.always("ok", true),
                ScriptedProbe.always("alert", false),
                TestFault.on("db")));

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(result.reason()).isEqualTo("the steady state never deviated");
    assertThat(result.faultEndedAt()).contains(T0);
    assertThat(clock.instant()).isEqualTo(t(5));
  }

  @Test
  void revertsWhenAListenerThrows() {
    RunResult result =
        runner()
            .run(
                boxed(
                    ofSeconds(3),
                    ScriptedProbe.always("ok", true),
                    ScriptedProbe.always("alert", false),
                    TestFault.on("db")),
                control,
                List.of(
                    e -> {
                      throw new IllegalStateException("display broke");
                    }));

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(injector.active()).isEmpty();
  }

  @Test
  void probesAtTheConfiguredInterval() {
    IncidentRunner fast =
        new IncidentRunner(
            Injectors.of(List.of(injector)),
            ProbeRunners.of(List.of(probeRunner)),
            ledger,
            clock,
            sleeper,
            RunOptions.defaults().withInterval(ofMillis(250)));

    RunResult result =
        fast.run(
            boxed(
                ofSeconds(2),
                ScriptedProbe.failingBetween("ok", t(0.6), t(1.1)),
                ScriptedProbe.holdingBetween("alert", t(0.6), t(9)),
                TestFault.on("db")),
            control,
            List.of());

    assertThat(result.detection().orElseThrow().after()).isEqualTo(ofMillis(750));
    assertThat(result.detection().orElseThrow().resolution()).isEqualTo(ofMillis(250));
    assertThat(result.recovery().orElseThrow().after()).isEqualTo(ofMillis(1250));
  }

  @Test
  void anInterruptDuringAProbeAbortsTheRunAndRevertsWithTheReasonGiven() {
    ProbeRunners probes =
        ProbeRunners.of(
            List.of(
                ProbeRunner.of(
                    ScriptedProbe.class,
                    probe -> {
                      if (clock.instant().isAfter(t(2))) {
                        control.abort("stopped by a signal");
                        throw new InterruptedException("interrupted in a scrape");
                      }
                      return probeRunner.observe(probe);
                    })));
    IncidentRunner runner = runnerWith(probes);

    RunResult result =
        runner.run(
            boxed(
                ofSeconds(10),
                ScriptedProbe.always("ok", true),
                ScriptedProbe.always("alert", false),
                TestFault.on("db")),
            control,
            List.of());

    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(result.reason()).isEqualTo("stopped by a signal");
    assertThat(injector.active()).isEmpty();
    assertThat(Thread.interrupted()).isTrue();
  }

  private static Scenario guarded(Duration abortAfter, ScriptedProbe otherService) {
    Scenario plain =
        boxed(
            ofSeconds(30),
            ScriptedProbe.always("ok", true),
            ScriptedProbe.always("alert", false),
            TestFault.on("db"));
    return new Scenario(
        plain.id(),
        plain.title(),
        plain.description(),
        plain.weight(),
        plain.mode(),
        plain.duration(),
        plain.maxDuration(),
        plain.targets(),
        plain.faults(),
        plain.steadyState(),
        plain.detection(),
        plain.recovery(),
        plain.diagnosis(),
        plain.hints(),
        List.of(new Guardrail("search stays up", otherService, abortAfter)));
  }

  @Test
  void aGuardrailThatFailsForItsAbortAfterRevertsAndAborts() {
    RunResult result =
        run(guarded(ofSeconds(3), ScriptedProbe.failingBetween("search ok", t(5), t(1000))));

    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(result.reason())
        .startsWith("guardrail 'search stays up' tripped: search ok failed for 3s");
    assertThat(result.faultEndedAt()).contains(t(8));
    assertThat(types(result)).contains(EventType.GUARDRAIL_TRIPPED, EventType.REVERTED);
    assertThat(injector.active()).isEmpty();
  }

  @Test
  void aGuardrailBlipShorterThanAbortAfterDoesNotAbort() {
    RunResult result =
        run(guarded(ofSeconds(3), ScriptedProbe.failingBetween("search ok", t(5), t(7))));

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(types(result)).doesNotContain(EventType.GUARDRAIL_TRIPPED);
    assertThat(result.faultEndedAt()).contains(t(30));
  }

  @Test
  void aGuardrailThatDoesNotHoldAtTheGatePreventsTheInjection() {
    RunResult result = run(guarded(ofSeconds(3), ScriptedProbe.always("search ok", false)));

    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(result.reason())
        .isEqualTo(
            "guardrail 'search stays up' does not hold: search ok (failing at "
                + T0
                + "); nothing was injected");
    assertThat(injector.log()).isEmpty();
  }

  @Test
  void aBlockedInjectionAbortsAndRevertsWhatWasAlreadyInjected() {
    FaultInjector<TestFault> haltAfterFirst =
        FaultInjector.of(
            TestFault.class,
            (fault, target, context) -> {
              if (fault.name().equals("second")) {
                throw new InjectionBlockedException("halt-all is in effect");
              }
              return injector.inject(fault, target, context);
            });
    IncidentRunner runner =
        runnerWith(Injectors.of(List.of(haltAfterFirst)), ProbeRunners.of(List.of(probeRunner)));

    RunResult result =
        runner.run(
            boxed(
                ofSeconds(10),
                ScriptedProbe.always("ok", true),
                ScriptedProbe.always("alert", false),
                new TestFault("db", "first"),
                new TestFault("cache", "second")),
            control,
            List.of());

    assertThat(result.verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(result.reason()).isEqualTo("injection blocked: halt-all is in effect");
    assertThat(injector.active()).isEmpty();
  }

  @Test
  void writesThePlannedRevertRecordWithTheIntent() {
    injector.beforeInject(
        ctx ->
            assertThat(ledger.open())
                .filteredOn(e -> e.injectionId().equals(ctx.injectionId()))
                .singleElement()
                .satisfies(
                    e ->
                        assertThat(e.revertRecord().data())
                            .containsEntry("id", ctx.injectionId())));

    RunResult result =
        run(
            boxed(
                ofSeconds(3),
                ScriptedProbe.always("ok", true),
                ScriptedProbe.always("alert", false),
                TestFault.on("db")));

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
  }
}
