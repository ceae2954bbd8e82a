package org.daysofchaos.core.binder;

import java.util.Objects;

/**
 * One thing wrong with a file. A reader hands these out as its own published type (the scenario and
 * game-day readers as {@code org.daysofchaos.core.scenario.Problem}, which has the same components
 * and prints the same way).
 *
 * @param file the file as it was given to the reader (or the source name of a text)
 * @param line 1-based line of the offending value, or of its key when the value is missing, or of
 *     the enclosing map when the key itself is missing
 * @param column 1-based column, counted like the line
 * @param field where in the file: {@code faults[0].latency}, {@code window.lasts}; {@code yaml} for
 *     problems with the file as a whole (syntax errors, an empty file), {@code file} when it could
 *     not be read
 * @param message what is wrong and, where it helps, what is allowed
 */
public record Problem(String file, int line, int column, String field, String message) {
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:column: field: message}, the way compilers report, so editors can jump. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + field + ": " + message;
  }
}
