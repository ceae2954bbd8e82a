package org.daysofchaos.scoreboard.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.RunListener;

/** Prints each journal event as it happens, with the time since the run started. */
final class ProgressPrinter implements RunListener {
  private final PrintStream out;
  private Instant start;

  ProgressPrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void onEvent(JournalEvent event) {
    if (start == null) {
      start = event.at();
    }
    double seconds = Duration.between(start, event.at()).toMillis() / 1000.0;
    out.printf(Locale.ROOT, "[%7.3fs] %-22s %s%n", seconds, event.type(), event.message());
    out.flush();
  }
}
