package org.daysofchaos.scoreboard.cli;

/** A mistake of the user's, reported as its message alone (no stack trace) with exit code 2. */
final class UserError extends RuntimeException {
  UserError(String message) {
    super(message);
  }
}
