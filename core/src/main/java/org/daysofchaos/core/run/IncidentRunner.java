package org.daysofchaos.core.run;

import static org.daysofchaos.core.journal.Journal.data;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Guardrail;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.Journal;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RecoveryTime;
import org.daysofchaos.core.journal.RunListener;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.Ledger;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.AlertWatch;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.FiringAlert;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionBlockedException;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.Lag;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.core.spi.Sleeper;

/**
 * The run of one incident, in the steps of DESIGN.md: gate, inject, observe, end, revert, recover,
 * journal. Whatever ends the run — its deadline, a fix, a halt, an exception, an interrupt — every
 * injection is reverted and the revert verified before the result is returned.
 *
 * <p>Time comes only from the injected {@link Clock} and {@link Sleeper}, so a test can run a
 * twenty-minute scenario in milliseconds and assert exact instants.
 */
public final class IncidentRunner {
  /** A fault's backend expiry lies this far beyond its max duration: a safety net, not a timer. */
  static final Duration EXPIRY_GRACE = Duration.ofSeconds(30);

  private final Injectors injectors;
  private final ProbeRunners probes;
  private final Ledger ledger;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RunOptions options;
  private final List<AlertWatch> alerts;

  public IncidentRunner(
      Injectors injectors,
      ProbeRunners probes,
      Ledger ledger,
      Clock clock,
      Sleeper sleeper,
      RunOptions options) {
    this.injectors = injectors;
    this.probes = probes;
    this.ledger = ledger;
    this.clock = clock;
    this.sleeper = sleeper;
    this.options = options;
    this.alerts = List.of();
  }

  private IncidentRunner(IncidentRunner runner, List<AlertWatch> alerts) {
    this.injectors = runner.injectors;
    this.probes = runner.probes;
    this.ledger = runner.ledger;
    this.clock = runner.clock;
    this.sleeper = runner.sleeper;
    this.options = runner.options;
    this.alerts = List.copyOf(alerts);
  }

  /**
   * This runner, also polling these alert sources (Prometheus' alerts API) for the alerts a
   * scenario names under {@code detection.alerts}: the first one to fire is an alert detection, and
   * the incident's detection if no signal came first.
   */
  public IncidentRunner withAlerts(List<? extends AlertWatch> watches) {
    return new IncidentRunner(this, List.copyOf(watches));
  }

  /** Runs the scenario to its end on the calling thread. */
  public RunResult run(Scenario scenario, RunControl control, List<RunListener> listeners) {
    Run run = new Run(scenario, control, new Journal(clock, listeners), newRunId());
    run.journal.append(
        EventType.RUN_STARTED,
        "run " + run.id + " of " + scenario.id() + " (" + scenario.title() + ")",
        data("run", run.id, "scenario", scenario.id()));
    try {
      if (gate(run)) {
        inject(run);
        observe(run);
      }
    } catch (InterruptedException e) {
      run.interrupted = true;
      run.abort(control.endRequested().orElse("the run was interrupted"));
    } catch (InjectionBlockedException e) {
      run.abort("injection blocked: " + e.getMessage());
    } catch (Exception | LinkageError e) {
      run.fail(run.step + " failed: " + e);
    } finally {
      revert(run);
    }
    if (run.shouldMeasureRecovery()) {
      recover(run);
    }
    if (run.interrupted) {
      Thread.currentThread().interrupt();
    }
    return conclude(run);
  }

  // --- gate -----------------------------------------------------------------------------------

  private boolean gate(Run run) throws InterruptedException {
    run.step = "gate";
    Optional<String> broken =
        steadyStateProblem(run)
            .map(
                problem ->
                    (problem.unmeasured()
                            ? "the steady state cannot be measured: "
                            : "the steady state does not hold: ")
                        + problem.what());
    if (broken.isEmpty()) {
      broken = failingGuardrail(run);
    }
    if (broken.isPresent()) {
      run.journal.append(EventType.GATE_FAILED, "not injecting: " + broken.get());
      run.abort(broken.get() + "; nothing was injected");
      return false;
    }
    run.journal.append(EventType.GATE_PASSED, "steady state holds; injecting");
    return true;
  }

  // --- inject ---------------------------------------------------------------------------------

  private void inject(Run run) throws Exception {
    run.step = "inject";
    run.injectingSince = clock.instant();
    Instant expiresAt = clock.instant().plus(run.scenario.maxDuration()).plus(EXPIRY_GRACE);
    List<FaultSpec> faults = run.scenario.faults();
    for (int i = 0; i < faults.size(); i++) {
      injectOne(run, faults.get(i), run.id + "-" + i, expiresAt);
    }
    // t_inj is when the last fault took effect, not when the ledger noted it.
    run.injectedAt = run.lastEffectAt;
    run.journal.append(
        EventType.FAULT_ACTIVE,
        "fault in effect; it ends within " + Durations.format(run.scenario.faultDeadline()),
        data("injectedAt", run.injectedAt.toString()));
  }

  private <F extends FaultSpec> void injectOne(
      Run run, F fault, String injectionId, Instant expiresAt) throws Exception {
    Target target = run.scenario.target(fault);
    String kind = KindCatalog.kindOf(fault);
    FaultInjector<F> injector = injectors.require(fault);
    String what =
        kind + " on " + target.name() + " (" + target.describe() + "): " + fault.describe();
    Map<String, String> details =
        data("injection", injectionId, "kind", kind, "target", target.name());
    InjectionContext context = new InjectionContext(run.id, injectionId, expiresAt);
    ledger.intend(
        new LedgerEntry(
            injectionId,
            run.id,
            run.scenario.id(),
            kind,
            target.describe(),
            fault.describe(),
            LedgerEntry.State.INTENDED,
            plannedRecord(injector, fault, target, context),
            expiresAt,
            clock.instant()));
    run.journal.append(EventType.INJECTING, "injecting " + what, details);
    Injection injection;
    try {
      injection = injector.inject(fault, target, context);
    } catch (Exception e) {
      ledger.close(injectionId, LedgerEntry.State.FAILED, clock.instant());
      run.journal.append(
          EventType.INJECTION_FAILED, "could not inject " + what + ": " + e.getMessage(), details);
      throw e;
    }
    run.lastEffectAt = clock.instant();
    run.active.push(new Active(injectionId, what, injection));
    ledger.activate(injectionId, injection.revertRecord(), clock.instant());
    run.journal.append(EventType.INJECTED, "injected " + what, details);
  }

  /**
   * The injector's revert record before it applies anything; a target it would refuse has none, and
   * the injection itself then fails with the reason.
   */
  private static <F extends FaultSpec> RevertRecord plannedRecord(
      FaultInjector<F> injector, F fault, Target target, InjectionContext context) {
    try {
      return injector.plannedRecord(fault, target, context);
    } catch (RuntimeException e) {
      return RevertRecord.NONE;
    }
  }

  // --- observe and end ------------------------------------------------------------------------

  private void observe(Run run) throws InterruptedException {
    run.step = "observe";
    Instant deadline = run.injectedAt.plus(run.scenario.faultDeadline());
    Instant tick = run.injectedAt;
    while (true) {
      Optional<String> end = endReason(run, deadline);
      if (end.isEmpty()) {
        Instant now = clock.instant();
        detect(run, now);
        watchAlerts(run, now);
        checkSteadyState(run, now);
        end = guardrailTripped(run, now);
        if (end.isEmpty()) {
          end = fixed(run);
        }
      }
      if (end.isPresent()) {
        run.journal.append(EventType.FAULT_ENDING, "ending the fault: " + end.get());
        return;
      }
      tick = nextTick(tick);
      sleeper.sleepUntil(tick.isAfter(deadline) ? deadline : tick);
    }
  }

  private Optional<String> endReason(Run run, Instant deadline) {
    Optional<String> requested = run.control.endRequested();
    if (requested.isPresent()) {
      if (run.control.abortRequested()) {
        run.abort(requested.get());
      }
      return requested;
    }
    if (!clock.instant().isBefore(deadline)) {
      boolean boxed =
          run.scenario.mode() == Mode.TIME_BOXED
              && run.scenario.faultDeadline().compareTo(run.scenario.maxDuration()) < 0;
      return Optional.of(
          boxed
              ? "its duration of " + Durations.format(run.scenario.faultDeadline()) + " elapsed"
              : "its max duration of "
                  + Durations.format(run.scenario.maxDuration())
                  + " was reached");
    }
    return Optional.empty();
  }

  /**
   * Aborts the run when a guardrail has failed without a break for its {@code abortAfter}: the game
   * must not hurt what is not part of it.
   */
  private Optional<String> guardrailTripped(Run run, Instant now) throws InterruptedException {
    List<Guardrail> guardrails = run.scenario.guardrails();
    for (int i = 0; i < guardrails.size(); i++) {
      Guardrail guardrail = guardrails.get(i);
      Observation seen = evaluate(run, guardrail.holds());
      if (seen.holds()) {
        run.guardrailFailingSince.remove(i);
        continue;
      }
      Instant since = run.guardrailFailingSince.computeIfAbsent(i, k -> now);
      if (!now.isBefore(since.plus(guardrail.abortAfter()))) {
        String reason =
            "guardrail '"
                + guardrail.name()
                + "' tripped: "
                + guardrail.holds().describe()
                + " failed for "
                + Durations.format(Duration.between(since, now))
                + " ("
                + seen.detail()
                + ")";
        run.journal.append(
            EventType.GUARDRAIL_TRIPPED, reason, data("guardrail", guardrail.name()));
        run.abort(reason);
        return Optional.of(reason);
      }
    }
    return Optional.empty();
  }

  /** The first guardrail that does not hold now, described, for the gate. */
  private Optional<String> failingGuardrail(Run run) throws InterruptedException {
    for (Guardrail guardrail : run.scenario.guardrails()) {
      Observation seen = evaluate(run, guardrail.holds());
      if (!seen.holds()) {
        return Optional.of(
            "guardrail '"
                + guardrail.name()
                + "' does not hold: "
                + guardrail.holds().describe()
                + " ("
                + seen.detail()
                + ")");
      }
    }
    return Optional.empty();
  }

  /** An until-fixed incident ends as soon as the team's fix shows in the steady state. */
  private Optional<String> fixed(Run run) {
    if (run.scenario.mode() == Mode.UNTIL_FIXED && run.tracker.recoveredAt().isPresent()) {
      return Optional.of(
          "fixed: the steady state held for " + Durations.format(run.tracker.holdFor()));
    }
    return Optional.empty();
  }

  private void detect(Run run, Instant now) throws InterruptedException {
    if (run.detection != null) {
      return;
    }
    for (ProbeSpec signal : run.scenario.detection().signals()) {
      Observation seen = evaluate(run, signal);
      if (seen.holds()) {
        Lag lag = lag(signal, Lag.Change.PROBLEM_STARTS);
        run.detection =
            new Measurement(
                now,
                Duration.between(run.injectedAt, now),
                signal.describe(),
                lag.latest().minus(lag.earliest()),
                lag.earliest(),
                lag.throughSamples());
        run.journal.append(
            EventType.DETECTED,
            "detected after "
                + run.detection.describe()
                + " by "
                + signal.describe()
                + " ("
                + seen.detail()
                + ")",
            data(
                "signal",
                signal.describe(),
                "after",
                run.detection.after().toString(),
                // The moment reports count, so that a listener can store it as it happens.
                "reportedAt",
                run.detection.reported().toString()));
        return;
      }
    }
  }

  // --- alerts polled from the monitoring (detection.alerts) ----------------------------------

  /**
   * Asks each alert source whether an alert the scenario names fires, until one does. Only alerts
   * that became active after the injection began count: one already firing says nothing about this
   * fault. A source that cannot be read is unmeasured: a journal line, never a detection.
   */
  private void watchAlerts(Run run, Instant now) throws InterruptedException {
    List<String> names = run.scenario.detection().alerts();
    if (run.alert != null || names.isEmpty() || run.injectingSince == null) {
      return;
    }
    for (AlertWatch watch : alerts) {
      Optional<FiringAlert> first = firstFiring(run, watch, names);
      if (first.isPresent()) {
        recordAlert(run, watch, first.get(), now);
        return;
      }
    }
  }

  private Optional<FiringAlert> firstFiring(Run run, AlertWatch watch, List<String> names)
      throws InterruptedException {
    List<FiringAlert> firing;
    try {
      firing = watch.firing(names);
      run.lastAlertError.remove(watch);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      String error = e.getMessage() == null ? e.toString() : e.getMessage();
      if (!error.equals(run.lastAlertError.put(watch, error))) {
        run.journal.append(
            EventType.PROBE_ERROR,
            watch.describe()
                + ": cannot read its alerts ("
                + error
                + "); no detection by its alerts while it cannot be read",
            data("source", watch.source(), "server", watch.name()));
      }
      return Optional.empty();
    }
    return firing.stream()
        .filter(a -> names.contains(a.alertname()))
        .filter(a -> !a.activeAt().isBefore(run.injectingSince))
        .min(Comparator.comparing(FiringAlert::activeAt));
  }

  /**
   * The alert is seen now; the moment the system changed lies before its {@code activeAt}, by up to
   * the source's lag (scrape plus evaluation interval). The rule's {@code for:} lies between {@code
   * activeAt} and now, so it is known, and does not widen the interval.
   */
  private void recordAlert(Run run, AlertWatch watch, FiringAlert alert, Instant now) {
    Lag lag = watch.lag();
    Instant activeAt = alert.activeAt().isAfter(now) ? now : alert.activeAt();
    String what = "alert " + alert.alertname() + " (" + watch.describe() + ")";
    run.alert =
        new Measurement(
            now,
            Duration.between(run.injectedAt, now),
            what,
            lag.latest().minus(lag.earliest()),
            Duration.between(activeAt, now).plus(lag.earliest()),
            true);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("alertname", alert.alertname());
    details.put("source", watch.source());
    details.put("server", watch.name());
    details.put("activeAt", alert.activeAt().toString());
    details.put("afterMillis", Long.toString(run.alert.after().toMillis()));
    details.put("firstOfIncident", "true");
    // The interval of the true moment, for reports that read the journal.
    details.put("trueFrom", run.alert.trueFrom().toString());
    details.put("trueTo", run.alert.trueTo().toString());
    run.journal.append(
        EventType.ALERT_RECEIVED,
        "alert "
            + alert.alertname()
            + " detected by "
            + watch.describe()
            + ": firing, active since "
            + alert.activeAt()
            + "; "
            + run.alert.describe()
            + " after the injection",
        details);
    if (run.detection == null) {
      run.detection = run.alert;
      run.journal.append(
          EventType.DETECTED,
          "detected after " + run.alert.describe() + " by " + what,
          data(
              "signal", "alert " + alert.alertname(),
              "alertname", alert.alertname(),
              "source", watch.source(),
              "after", run.alert.after().toString()));
    }
  }

  private void checkSteadyState(Run run, Instant now) throws InterruptedException {
    Optional<SteadyStateProblem> problem = steadyStateProblem(run);
    if (problem.filter(SteadyStateProblem::unmeasured).isPresent()) {
      // A metric source that is down says nothing about the system: not a deviation (a blip of
      // Prometheus must not end an until-fixed incident as "fixed" when it comes back), and not
      // a healthy sample either (no recovery is measured through a gap). The probe error is in
      // the journal already.
      run.unmeasured = problem.get().what();
      run.tracker.unmeasured();
      return;
    }
    run.unmeasured = null;
    Optional<String> broken = problem.map(SteadyStateProblem::what);
    boolean wasHealthy = run.healthy;
    run.healthy = broken.isEmpty();
    run.tracker.observe(now, run.healthy);
    if (wasHealthy && !run.healthy) {
      run.journal.append(EventType.STEADY_STATE_DEVIATED, "steady state deviated: " + broken.get());
    } else if (!wasHealthy && run.healthy) {
      run.journal.append(EventType.STEADY_STATE_RESTORED, "steady state holds again");
    }
    run.tracker
        .recoveredAt()
        .filter(at -> run.recovery == null)
        .ifPresent(at -> recordRecovery(run, at));
  }

  /**
   * Why the steady state does not hold now, or empty if every probe holds. A probe that does not
   * hold wins over one that cannot be evaluated: the system deviated whatever the other says.
   */
  private Optional<SteadyStateProblem> steadyStateProblem(Run run) throws InterruptedException {
    SteadyStateProblem unmeasured = null;
    for (ProbeSpec probe : run.scenario.steadyState()) {
      Observation seen = evaluate(run, probe);
      if (seen.holds()) {
        continue;
      }
      String what = probe.describe() + " (" + seen.detail() + ")";
      if (!run.lastProbeError.containsKey(probe)) {
        return Optional.of(new SteadyStateProblem(what, false));
      }
      if (unmeasured == null) {
        unmeasured = new SteadyStateProblem(what, true);
      }
    }
    return Optional.ofNullable(unmeasured);
  }

  /**
   * A steady-state probe that does not hold, described; {@code unmeasured} when it could not be
   * evaluated at all (its runner threw: the metric source is down, the query is refused).
   */
  private record SteadyStateProblem(String what, boolean unmeasured) {}

  /** How late a probe sees the change: its runner's capability, one interval by default. */
  private <P extends ProbeSpec> Lag lag(P probe, Lag.Change change) {
    return probes
        .forProbe(probe)
        .map(runner -> runner.lag(probe, options.interval(), change))
        .orElse(Lag.polling(options.interval()));
  }

  /**
   * The steady state is back when its last probe sees it back: the true moment lies within the
   * widest bounds of its probes.
   */
  private Lag recoveryLag(Run run) {
    Duration earliest = null;
    Duration latest = options.interval();
    boolean throughSamples = false;
    for (ProbeSpec probe : run.scenario.steadyState()) {
      Lag lag = lag(probe, Lag.Change.PROBLEM_ENDS);
      earliest =
          earliest == null || lag.earliest().compareTo(earliest) < 0 ? lag.earliest() : earliest;
      latest = lag.latest().compareTo(latest) > 0 ? lag.latest() : latest;
      throughSamples |= lag.throughSamples();
    }
    return new Lag(earliest == null ? Duration.ZERO : earliest, latest, throughSamples);
  }

  private <P extends ProbeSpec> Observation evaluate(Run run, P probe) throws InterruptedException {
    ProbeRunner<P> runner =
        probes
            .forProbe(probe)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no probe runner is configured for " + KindCatalog.kindOf(probe)));
    try {
      Observation seen = runner.observe(probe);
      run.lastProbeError.remove(probe);
      return seen;
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      String error = "probe error: " + e.getMessage();
      if (!error.equals(run.lastProbeError.put(probe, error))) {
        run.journal.append(EventType.PROBE_ERROR, probe.describe() + ": " + error);
      }
      return Observation.fails(error);
    }
  }

  private Instant nextTick(Instant tick) {
    Instant next = tick.plus(options.interval());
    Instant now = clock.instant();
    // A slow round of probes must not make the loop race to catch up: skip the missed ticks.
    return next.isBefore(now) ? now : next;
  }

  // --- revert ---------------------------------------------------------------------------------

  private void revert(Run run) {
    if (run.active.isEmpty()) {
      return;
    }
    // A pending interrupt must not cut the revert short; it is restored when the run returns.
    run.interrupted |= Thread.interrupted();
    while (!run.active.isEmpty()) {
      revertOne(run, run.active.pop());
    }
    run.faultEndedAt = clock.instant();
  }

  private void revertOne(Run run, Active active) {
    Map<String, String> details = data("injection", active.id);
    String problem = null;
    for (int attempt = 1; attempt <= options.revertAttempts(); attempt++) {
      try {
        active.injection.revert();
        Optional<String> residue = active.injection.residue();
        if (residue.isEmpty()) {
          ledger.close(active.id, LedgerEntry.State.REVERTED, clock.instant());
          run.journal.append(EventType.REVERTED, "reverted and verified " + active.what, details);
          return;
        }
        problem = "still in effect after revert: " + residue.get();
      } catch (Exception e) {
        problem = e.toString();
      }
    }
    run.revertFailed("could not revert " + active.what + ": " + problem);
    run.journal.append(
        EventType.REVERT_FAILED, "could not revert " + active.what + ": " + problem, details);
  }

  // --- recover --------------------------------------------------------------------------------

  private void recover(Run run) {
    run.step = "recover";
    Instant deadline = run.faultEndedAt.plus(run.scenario.recovery().within());
    Instant tick = clock.instant();
    try {
      while (!recoveryKnown(run)) {
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
          if (run.unmeasured != null) {
            // Unknown is not "did not recover": the run says what it could not measure.
            run.fail(
                "could not measure recovery: the steady state cannot be measured ("
                    + run.unmeasured
                    + ")");
            return;
          }
          run.journal.append(
              EventType.NOT_RECOVERED,
              "the steady state did not hold for "
                  + Durations.format(run.tracker.holdFor())
                  + " within "
                  + Durations.format(run.scenario.recovery().within())
                  + " after the fault ended");
          return;
        }
        if (run.control.abortRequested()) {
          run.abort(run.control.endRequested().orElse("aborted") + " (while measuring recovery)");
          return;
        }
        checkSteadyState(run, now);
        // An alert whose for: outlasts the fault still shows that monitoring noticed it.
        watchAlerts(run, now);
        tick = nextTick(tick);
        sleeper.sleepUntil(tick.isAfter(deadline) ? deadline : tick);
      }
    } catch (InterruptedException e) {
      run.interrupted = true;
      run.abort("interrupted while measuring recovery");
    } catch (RuntimeException e) {
      run.fail("recover failed: " + e);
    }
  }

  private boolean recoveryKnown(Run run) {
    if (run.recovery != null) {
      return true;
    }
    return !run.tracker.deviated() && run.tracker.heldSince(run.faultEndedAt, clock.instant());
  }

  private void recordRecovery(Run run, Instant at) {
    Lag lag = recoveryLag(run);
    run.recovery =
        new Measurement(
            at,
            Duration.between(run.injectedAt, at),
            "steady state held for " + Durations.format(run.tracker.holdFor()),
            lag.latest().minus(lag.earliest()),
            lag.earliest(),
            lag.throughSamples());
    run.journal.append(
        EventType.RECOVERED,
        "recovered: the steady state held from "
            + at
            + " for "
            + Durations.format(run.tracker.holdFor())
            + " ("
            + run.recovery.describe()
            + " after the injection)",
        data(
            "after",
            run.recovery.after().toString(),
            "reportedAt",
            run.recovery.reported().toString()));
  }

  // --- journal --------------------------------------------------------------------------------

  private RunResult conclude(Run run) {
    Verdict verdict;
    String reason;
    if (run.failure != null) {
      verdict = Verdict.FAILED;
      reason = run.failure;
    } else if (run.abortReason != null) {
      verdict = Verdict.ABORTED;
      reason = run.abortReason;
    } else if (run.recovery != null) {
      verdict = Verdict.PASSED;
      reason = recovered(run);
    } else if (!run.tracker.deviated()) {
      verdict = Verdict.PASSED;
      reason = "the steady state never deviated";
    } else {
      verdict = Verdict.DEVIATED;
      reason =
          "the system did not recover within " + Durations.format(run.scenario.recovery().within());
    }
    run.journal.append(EventType.VERDICT, verdict + ": " + reason, data("verdict", verdict.name()));
    return new RunResult(
        run.id,
        run.scenario.id(),
        run.scenario.title(),
        Optional.of(run.scenario.mode()),
        verdict,
        reason,
        run.startedAt,
        Optional.ofNullable(run.injectedAt),
        Optional.ofNullable(run.detection),
        Optional.ofNullable(run.faultEndedAt),
        Optional.ofNullable(run.recovery),
        run.tracker.deviated(),
        run.journal.events());
  }

  /** The verdict's reason for a measured recovery, counted as the mode asks (RecoveryTime). */
  private static String recovered(Run run) {
    return RecoveryTime.of(
            run.scenario.mode(),
            run.injectedAt,
            Optional.ofNullable(run.faultEndedAt),
            run.recovery.reported(),
            run.recovery.reportedResolution())
        .map(t -> "the system recovered; " + t.describe())
        .orElse(
            "the steady state came back only after the fault had ended, "
                + run.recovery.describe()
                + " after the injection");
  }

  private static String newRunId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private record Active(String id, String what, Injection injection) {}

  /** The mutable state of one run; confined to the run's thread. */
  private final class Run {
    final Scenario scenario;
    final RunControl control;
    final Journal journal;
    final String id;
    final Instant startedAt = clock.instant();
    final Deque<Active> active = new ArrayDeque<>();
    final RecoveryTracker tracker;
    final Map<ProbeSpec, String> lastProbeError = new HashMap<>();
    final Map<Integer, Instant> guardrailFailingSince = new HashMap<>();
    final Map<AlertWatch, String> lastAlertError = new HashMap<>();
    String step = "start";
    boolean healthy = true;

    /** The steady-state probe that could not be evaluated at the last check, or null. */
    String unmeasured;

    boolean interrupted;
    Instant lastEffectAt;

    /** When the first fault began to be injected: alerts active since then count. */
    Instant injectingSince;

    Instant injectedAt;
    Instant faultEndedAt;
    Measurement detection;

    /** The first alert the scenario names that an alert source saw firing. */
    Measurement alert;

    Measurement recovery;
    String failure;
    String abortReason;

    Run(Scenario scenario, RunControl control, Journal journal, String id) {
      this.scenario = scenario;
      this.control = control;
      this.journal = journal;
      this.id = id;
      this.tracker = new RecoveryTracker(scenario.recovery().holdFor());
    }

    void abort(String reason) {
      if (abortReason == null) {
        abortReason = reason;
        journal.append(EventType.ABORTED, reason);
      }
    }

    void fail(String reason) {
      if (failure == null) {
        failure = reason;
        journal.append(EventType.STEP_FAILED, reason);
      }
    }

    void revertFailed(String reason) {
      if (failure == null) {
        failure = reason;
      }
    }

    boolean shouldMeasureRecovery() {
      return injectedAt != null
          && faultEndedAt != null
          && failure == null
          && abortReason == null
          && recovery == null;
    }
  }
}
