package org.daysofchaos.chaostoolkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.Journal;
import org.daysofchaos.core.journal.RunListener;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.Ledger;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.core.spi.Sleeper;

/**
 * Runs a Chaos Toolkit experiment as Chaos Toolkit would, under our rules: the hypothesis first
 * (not met: nothing runs), the method in order (pauses, background activities), the hypothesis
 * again, then the rollbacks, <b>always</b>, also when the method failed or was interrupted. A
 * mapped fault is written to the ledger before it is applied, so crash recovery reverts it like any
 * of ours, and every one still in effect after the rollbacks is reverted and checked. The journal
 * is ours ({@link RunResult}); {@link CtkJournal} writes Chaos Toolkit's from it.
 *
 * <p>Unlike Chaos Toolkit, the method stops at its first failed activity: what follows an action
 * that did not happen would measure nothing, and the rollbacks come sooner.
 */
public final class ExperimentRunner {
  /** The safety bound on a mapped fault's life, as its expiry: ledger and backends hold it. */
  public static final Duration MAX_FAULT = Duration.ofHours(1);

  private final Injectors injectors;
  private final ProbeRunners probes;
  private final Ledger ledger;
  private final Clock clock;
  private final Sleeper sleeper;
  private final NativeCalls calls;

  public ExperimentRunner(
      Injectors injectors,
      ProbeRunners probes,
      Ledger ledger,
      Clock clock,
      Sleeper sleeper,
      NativeCalls calls) {
    this.injectors = injectors;
    this.probes = probes;
    this.ledger = ledger;
    this.clock = clock;
    this.sleeper = sleeper;
    this.calls = calls;
  }

  /** One activity as it ran, for both journals. */
  public record Ran(
      Activity activity, String status, Object output, String error, Instant start, Instant end) {}

  /** Our journal, and what Chaos Toolkit's needs besides. */
  public record Outcome(
      RunResult result,
      Experiment experiment,
      List<Ran> before,
      List<Ran> method,
      List<Ran> after,
      List<Ran> rollbacks,
      Optional<Boolean> metBefore,
      Optional<Boolean> metAfter) {}

  /** Runs {@code e}, whose Python activities are all mapped in {@code mapping}. */
  public Outcome run(Experiment e, Checks.Mapping mapping, List<RunListener> listeners) {
    if (!mapping.problems().isEmpty()) {
      throw new IllegalArgumentException("refused before anything runs: " + mapping.problems());
    }
    return new Run(e, mapping, new Journal(clock, listeners)).go();
  }

  private final class Run {
    private final Experiment e;
    private final Checks.Mapping mapping;
    private final Journal journal;
    private final String runId = "ctk-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant startedAt = clock.instant();
    private final Deque<Active> active = new ArrayDeque<>();
    private final List<Ran> before = new ArrayList<>();
    private final List<Ran> method = new ArrayList<>();
    private final List<Ran> after = new ArrayList<>();
    private final List<Ran> rollbacks = new ArrayList<>();
    private Instant injectedAt;
    private Instant faultEndedAt;
    private String failure;
    private boolean revertFailed;

    Run(Experiment e, Checks.Mapping mapping, Journal journal) {
      this.e = e;
      this.mapping = mapping;
      this.journal = journal;
    }

    Outcome go() {
      journal.append(EventType.RUN_STARTED, "experiment " + e.title() + " (" + e.file() + ")");
      Optional<Boolean> metBefore = hypothesis(before);
      if (metBefore.isPresent() && !metBefore.get()) {
        journal.append(
            EventType.GATE_FAILED, "the steady-state hypothesis is not met; nothing runs");
        return outcome(
            Verdict.ABORTED,
            "the steady-state hypothesis was not met before the method",
            metBefore,
            Optional.empty());
      }
      journal.append(EventType.GATE_PASSED, "steady-state hypothesis met");
      Optional<Boolean> metAfter = Optional.empty();
      try {
        runMethod();
        if (failure == null) {
          metAfter = hypothesis(after);
          metAfter
              .filter(met -> !met)
              .ifPresent(
                  met ->
                      journal.append(
                          EventType.STEADY_STATE_DEVIATED,
                          "the steady-state hypothesis is not met after the method"));
        }
      } catch (InterruptedException ie) {
        failure = "interrupted";
        journal.append(EventType.ABORTED, "interrupted: rolling back");
      } finally {
        boolean interrupted = Thread.interrupted();
        rollBack();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      if (revertFailed) {
        return outcome(
            Verdict.FAILED, "a rollback or a revert failed: see the journal", metBefore, metAfter);
      }
      if (failure != null) {
        return outcome(
            Verdict.FAILED,
            "the method failed: " + failure + "; rollbacks ran",
            metBefore,
            metAfter);
      }
      if (metAfter.isPresent() && !metAfter.get()) {
        return outcome(
            Verdict.DEVIATED,
            "the steady-state hypothesis was not met after the method",
            metBefore,
            metAfter);
      }
      return outcome(
          Verdict.PASSED,
          "the steady-state hypothesis held before and after the method",
          metBefore,
          metAfter);
    }

    private Optional<Boolean> hypothesis(List<Ran> into) {
      if (e.hypothesis().isEmpty()) {
        return Optional.empty();
      }
      for (Activity p : e.hypothesis().get().probes()) {
        Ran ran = probe(p);
        boolean met = ran.error() == null && tolerated(p, ran.output());
        into.add(
            new Ran(
                p,
                met ? "succeeded" : "failed",
                ran.output(),
                ran.error(),
                ran.start(),
                ran.end()));
        if (!met) {
          journal.append(
              EventType.PROBE_ERROR,
              p.describe()
                  + " not within tolerance "
                  + p.tolerance().map(Tolerance::describe).orElse("")
                  + ": "
                  + brief(ran));
          return Optional.of(false);
        }
      }
      return Optional.of(true);
    }

    private String brief(Ran ran) {
      String s = ran.error() != null ? ran.error() : String.valueOf(ran.output());
      return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private boolean tolerated(Activity p, Object output) {
      Tolerance t = p.tolerance().orElseThrow();
      if (mapping.mapped().get(p) instanceof Mapped.Probe
          && !(t instanceof Tolerance.Value v && v.expected() instanceof Boolean)) {
        return Boolean.TRUE.equals(output);
      }
      return t.accepts(output, this::probeAsTolerance);
    }

    private Object probeAsTolerance(Activity probe, Object value) throws Exception {
      Provider pr = probe.provider();
      if (pr instanceof Provider.Http h) {
        Map<String, Object> args = new LinkedHashMap<>(h.arguments());
        args.put("value", value);
        pr =
            new Provider.Http(
                h.url(),
                h.method(),
                h.headers(),
                args,
                h.timeout(),
                h.verifyTls(),
                h.expectedStatus());
      }
      Object out = calls.call(pr);
      return out instanceof Map<?, ?> m && m.get("status") instanceof Integer s
          ? s == 0 || (s >= 200 && s < 300)
          : out;
    }

    private Ran probe(Activity p) {
      Instant start = clock.instant();
      try {
        Object out = output(p);
        return new Ran(p, "succeeded", out, null, start, clock.instant());
      } catch (Exception ex) {
        if (ex instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return new Ran(p, "failed", null, ex.getMessage(), start, clock.instant());
      }
    }

    private Object output(Activity p) throws Exception {
      Mapped m = mapping.mapped().get(p);
      if (m instanceof Mapped.Probe probe) {
        return observe(probe.probe()).holds();
      }
      if (m instanceof Mapped.Native n) {
        Object out = calls.call(n.call());
        return out instanceof Map<?, ?> map ? map.get("body") : out;
      }
      return calls.call(p.provider());
    }

    private <P extends ProbeSpec> Observation observe(P probe) throws Exception {
      ProbeRunner<P> runner =
          probes
              .forProbe(probe)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "nothing here runs the probe "
                              + KindCatalog.kindOf(probe)
                              + "; is its system given?"));
      return runner.observe(probe);
    }

    private void runMethod() throws InterruptedException {
      ExecutorService background = Executors.newCachedThreadPool();
      List<Future<Ran>> pending = new ArrayList<>();
      try {
        for (Activity a : e.method()) {
          pause(a.pauseBefore());
          if (a.background()) {
            pending.add(background.submit(() -> activity(a)));
          } else {
            Ran ran = activity(a);
            method.add(ran);
            if (ran.error() != null) {
              failure = a.describe() + ": " + ran.error();
              journal.append(EventType.STEP_FAILED, failure);
              return;
            }
          }
          pause(a.pauseAfter());
        }
      } finally {
        for (Future<Ran> f : pending) {
          method.add(join(f));
        }
        background.shutdownNow();
      }
      method.stream()
          .filter(r -> r.error() != null)
          .findFirst()
          .ifPresent(
              r -> {
                if (failure == null) {
                  failure = r.activity().describe() + ": " + r.error();
                  journal.append(EventType.STEP_FAILED, failure);
                }
              });
    }

    private Ran join(Future<Ran> f) throws InterruptedException {
      try {
        return f.get();
      } catch (ExecutionException ex) {
        throw new IllegalStateException(ex.getCause());
      }
    }

    private void pause(Duration d) throws InterruptedException {
      if (!d.isZero()) {
        sleeper.sleepUntil(clock.instant().plus(d));
      }
    }

    private Ran activity(Activity a) {
      Instant start = clock.instant();
      Mapped m = mapping.mapped().get(a);
      try {
        Object out;
        if (m instanceof Mapped.Fault f) {
          out = inject(a, f);
        } else if (m instanceof Mapped.Undo u) {
          out = undo(u);
        } else {
          out = a.probe() ? output(a) : calls.call(a.provider());
          journal.append(EventType.FAULT_ACTIVE, a.describe() + " ran: " + a.provider().describe());
        }
        return new Ran(a, "succeeded", out, null, start, clock.instant());
      } catch (Exception ex) {
        if (ex instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return new Ran(a, "failed", null, String.valueOf(ex.getMessage()), start, clock.instant());
      }
    }

    private <F extends FaultSpec> Object inject(Activity a, Mapped.Fault mapped) throws Exception {
      @SuppressWarnings("unchecked")
      F fault = (F) mapped.fault();
      FaultInjector<F> injector = injectors.require(fault);
      String id = runId + "-" + (active.size() + 1);
      Instant expiresAt = clock.instant().plus(MAX_FAULT);
      InjectionContext context = new InjectionContext(runId, id, expiresAt);
      String kind = KindCatalog.kindOf(fault);
      journal.append(
          EventType.INJECTING,
          a.describe()
              + ": "
              + kind
              + " "
              + fault.describe()
              + " on "
              + mapped.target().describe());
      ledger.intend(
          new LedgerEntry(
              id,
              runId,
              "ctk/" + e.title(),
              kind,
              mapped.target().describe(),
              fault.describe(),
              LedgerEntry.State.INTENDED,
              planned(injector, fault, mapped, context),
              expiresAt,
              clock.instant()));
      Injection injection;
      try {
        injection = injector.inject(fault, mapped.target(), context);
      } catch (Exception ex) {
        ledger.close(id, LedgerEntry.State.FAILED, clock.instant());
        journal.append(EventType.INJECTION_FAILED, a.describe() + ": " + ex.getMessage());
        throw ex;
      }
      ledger.activate(id, injection.revertRecord(), clock.instant());
      injectedAt = clock.instant();
      active.push(
          new Active(
              id,
              mapped.undoKey(),
              a.describe() + " (" + kind + " " + fault.describe() + ")",
              injection));
      journal.append(EventType.INJECTED, a.describe() + ": " + kind + " in effect");
      return true;
    }

    private <F extends FaultSpec> RevertRecord planned(
        FaultInjector<F> injector, F fault, Mapped.Fault m, InjectionContext c) {
      try {
        return injector.plannedRecord(fault, m.target(), c);
      } catch (RuntimeException ex) {
        return RevertRecord.NONE;
      }
    }

    /** A rollback that undoes a mapped fault: our revert of it, once. */
    private Object undo(Mapped.Undo u) throws Exception {
      for (Active a : List.copyOf(active)) {
        if (a.undoKey.equals(u.undoKey())) {
          active.remove(a);
          revert(a);
          return true;
        }
      }
      return false;
    }

    private void rollBack() {
      for (Activity r : e.rollbacks()) {
        Ran ran = activity(r);
        rollbacks.add(ran);
        if (ran.error() != null) {
          revertFailed = true;
          journal.append(
              EventType.REVERT_FAILED, "rollback " + r.describe() + " failed: " + ran.error());
        }
      }
      while (!active.isEmpty()) {
        Active a = active.pop();
        try {
          revert(a);
        } catch (Exception ex) {
          revertFailed = true;
        }
      }
      faultEndedAt = injectedAt == null ? null : clock.instant();
    }

    private void revert(Active a) throws Exception {
      try {
        a.injection.revert();
        Optional<String> residue = a.injection.residue();
        if (residue.isPresent()) {
          throw new IllegalStateException("still in effect after revert: " + residue.get());
        }
        ledger.close(a.id, LedgerEntry.State.REVERTED, clock.instant());
        journal.append(EventType.REVERTED, "reverted and verified " + a.what);
      } catch (Exception ex) {
        // The ledger entry stays open: crash recovery and chaos cleanup try it again.
        journal.append(
            EventType.REVERT_FAILED, "revert of " + a.what + " failed: " + ex.getMessage());
        throw ex;
      }
    }

    private Outcome outcome(
        Verdict verdict, String reason, Optional<Boolean> metBefore, Optional<Boolean> metAfter) {
      journal.append(EventType.VERDICT, verdict + ": " + reason);
      RunResult result =
          new RunResult(
              runId,
              "ctk/" + e.title(),
              e.title(),
              Optional.of(Mode.TIME_BOXED),
              verdict,
              reason,
              startedAt,
              Optional.ofNullable(injectedAt),
              Optional.empty(),
              Optional.ofNullable(faultEndedAt),
              Optional.empty(),
              metAfter.map(met -> !met).orElse(false),
              journal.events());
      return new Outcome(result, e, before, method, after, rollbacks, metBefore, metAfter);
    }
  }

  private record Active(String id, String undoKey, String what, Injection injection) {}
}
