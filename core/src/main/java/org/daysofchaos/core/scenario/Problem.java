package org.daysofchaos.core.scenario;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a scenario file.
 *
 * @param file the file as it was given to the reader (or the source name of a text)
 * @param line 1-based line of the offending value, or of its key when the value is missing, or of
 *     the enclosing map when the key itself is missing
 * @param column 1-based column, counted like the line
 * @param field where in the scenario: {@code faults[0].latency}, {@code
 *     targets.payment-link.proxy}, {@code recovery.holdFor}, {@code id}; {@code yaml} for problems
 *     with the file as a whole (syntax errors, an empty file), {@code file} when it could not be
 *     read
 * @param message what is wrong and, where it helps, what is allowed
 */
public record Problem(String file, int line, int column, String field, String message) {
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** The same problem, as the binder reported it. */
  public static Problem of(org.daysofchaos.core.binder.Problem p) {
    return new Problem(p.file(), p.line(), p.column(), p.field(), p.message());
  }

  /** The same problems, in the same order. */
  public static List<Problem> of(List<org.daysofchaos.core.binder.Problem> problems) {
    return problems.stream().map(Problem::of).toList();
  }

  /** {@code file:line:column: field: message}, the way compilers report, so editors can jump. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + field + ": " + message;
  }
}
