package org.daysofchaos.scoreboard.cli;

import org.daysofchaos.core.journal.Verdict;

/** The exit codes of the command line, documented in the README. */
final class ExitCodes {
  static final int OK = 0;

  /** Invalid scenario files, or a run whose system did not recover (DEVIATED). */
  static final int PROBLEMS = 1;

  /** Bad command-line usage (picocli's own code). */
  static final int USAGE = 2;

  static final int ABORTED = 3;
  static final int FAILED = 4;

  private ExitCodes() {}

  static int of(Verdict verdict) {
    return switch (verdict) {
      case PASSED -> OK;
      case DEVIATED -> PROBLEMS;
      case ABORTED -> ABORTED;
      case FAILED -> FAILED;
    };
  }
}
