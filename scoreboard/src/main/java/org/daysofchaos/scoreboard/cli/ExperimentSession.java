package org.daysofchaos.scoreboard.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.daysofchaos.chaostoolkit.CtkJournal;
import org.daysofchaos.chaostoolkit.ExperimentRunner;
import org.daysofchaos.chaostoolkit.NativeCalls;
import org.daysofchaos.core.journal.JournalJson;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.ledger.Ledger;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.spi.Sleeper;

/**
 * Runs one Chaos Toolkit experiment from the command line, as {@link RunSession} runs a scenario:
 * progress while it runs, the summary, our journal and, on request, Chaos Toolkit's; on Ctrl-C or
 * SIGTERM the run is interrupted and its rollbacks run before the process exits.
 */
final class ExperimentSession {
  private static final long ROLLBACK_GRACE_SECONDS = 30;

  private final ExperimentRunner runner;
  private final PrintStream out;

  ExperimentSession(Injectors injectors, ProbeRunners probes, Ledger ledger, PrintStream out) {
    Clock clock = Clock.systemUTC();
    this.runner =
        new ExperimentRunner(
            injectors, probes, ledger, clock, Sleeper.system(clock), new NativeCalls());
    this.out = out;
  }

  RunResult run(
      ExperimentFiles.Loaded loaded, Optional<Path> journalJson, Optional<Path> ctkJournal)
      throws IOException {
    Thread runThread = Thread.currentThread();
    CountDownLatch done = new CountDownLatch(1);
    Thread onSignal =
        new Thread(
            () -> {
              runThread.interrupt();
              try {
                done.await(ROLLBACK_GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "chaos-rollback-on-signal");
    Runtime.getRuntime().addShutdownHook(onSignal);
    try {
      ExperimentRunner.Outcome outcome =
          runner.run(loaded.experiment(), loaded.mapping(), List.of(new ProgressPrinter(out)));
      RunResult result = outcome.result();
      out.println();
      out.println(loaded.experiment().file() + ": " + result.verdict() + ": " + result.reason());
      if (journalJson.isPresent()) {
        JournalJson.write(result, journalJson.get());
        out.println("  journal written to " + journalJson.get().toAbsolutePath());
      }
      if (ctkJournal.isPresent()) {
        CtkJournal.write(outcome, ctkJournal.get());
        out.println("  Chaos Toolkit journal written to " + ctkJournal.get().toAbsolutePath());
      }
      return result;
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException e) {
        // Shutting down: the hook runs and waits for this run's rollbacks.
      }
    }
  }
}
