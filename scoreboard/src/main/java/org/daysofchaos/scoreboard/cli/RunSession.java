package org.daysofchaos.scoreboard.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.JournalJson;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.ledger.Ledger;
import org.daysofchaos.core.run.IncidentRunner;
import org.daysofchaos.core.run.RunControl;
import org.daysofchaos.core.run.RunOptions;
import org.daysofchaos.core.spi.AlertWatch;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.spi.Sleeper;

/**
 * Runs one scenario from the command line: progress while it runs, the summary at the end, the
 * journal as JSON on request, and a revert of everything on Ctrl-C or SIGTERM before the process
 * exits.
 */
final class RunSession {
  /** How long a signal waits for the run to revert its faults before the JVM exits anyway. */
  private static final long REVERT_GRACE_SECONDS = 30;

  private final Injectors injectors;
  private final ProbeRunners probes;
  private final Ledger ledger;
  private final RunOptions options;
  private final PrintStream out;
  private List<AlertWatch> alerts = List.of();

  RunSession(
      Injectors injectors,
      ProbeRunners probes,
      Ledger ledger,
      RunOptions options,
      PrintStream out) {
    this.injectors = injectors;
    this.probes = probes;
    this.ledger = ledger;
    this.options = options;
    this.out = out;
  }

  /** Polls these alert sources for the scenarios' {@code detection.alerts}. */
  RunSession withAlerts(List<AlertWatch> watches) {
    this.alerts = List.copyOf(watches);
    return this;
  }

  RunResult run(Scenario scenario, Optional<Path> journalJson) throws IOException {
    Clock clock = Clock.systemUTC();
    IncidentRunner runner =
        new IncidentRunner(injectors, probes, ledger, clock, Sleeper.system(clock), options)
            .withAlerts(alerts);
    RunControl control = new RunControl();
    Thread runThread = Thread.currentThread();
    CountDownLatch done = new CountDownLatch(1);
    Thread onSignal =
        new Thread(
            () -> {
              control.abort("stopped by a signal (Ctrl-C or SIGTERM)");
              runThread.interrupt();
              awaitQuietly(done);
            },
            "chaos-revert-on-signal");
    Runtime.getRuntime().addShutdownHook(onSignal);
    RunResult result;
    try {
      result = runner.run(scenario, control, List.of(new ProgressPrinter(out)));
      out.println();
      out.print(result.summary());
      if (journalJson.isPresent()) {
        JournalJson.write(result, journalJson.get());
        out.println("  journal written to " + journalJson.get().toAbsolutePath());
      }
    } finally {
      // On a signal the JVM exits once this is counted down: the faults are reverted by then.
      done.countDown();
      removeHook(onSignal);
    }
    return result;
  }

  /**
   * Waits, up to {@code timeout}, until the steady state has held without a break for {@code
   * settle}: a freshly started system needs a moment before its metrics are steady (warm-up, first
   * connections), and the gate must neither abort on that nor pass on a lucky sample.
   */
  boolean awaitSteadyState(Scenario scenario, Duration settle, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Instant healthySince = null;
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      Optional<String> broken = firstBroken(scenario.steadyState());
      Instant now = Instant.now();
      if (broken.isPresent()) {
        healthySince = null;
        last = broken.get();
      } else if (healthySince == null) {
        healthySince = now;
      } else if (!now.isBefore(healthySince.plus(settle))) {
        return true;
      }
      Thread.sleep(Math.min(options.interval().toMillis(), 250));
    }
    out.println("the steady state did not hold within " + timeout.toSeconds() + " s: " + last);
    return false;
  }

  private Optional<String> firstBroken(List<ProbeSpec> steadyState) {
    for (ProbeSpec probe : steadyState) {
      Observation seen = observe(probe);
      if (!seen.holds()) {
        return Optional.of(probe.describe() + " (" + seen.detail() + ")");
      }
    }
    return Optional.empty();
  }

  private <P extends ProbeSpec> Observation observe(P probe) {
    Optional<ProbeRunner<P>> runner = probes.forProbe(probe);
    if (runner.isEmpty()) {
      return Observation.fails("no runner");
    }
    try {
      return runner.get().observe(probe);
    } catch (Exception e) {
      return Observation.fails(e.getMessage());
    }
  }

  private static void awaitQuietly(CountDownLatch done) {
    try {
      done.await(REVERT_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running and waits for this run.
    }
  }
}
