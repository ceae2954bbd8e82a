package org.daysofchaos.core.gameday;

import java.util.Optional;

/**
 * Checks a cron expression for the reader. The server passes Quartz's own parser, so that a game
 * day that reads without problems also schedules; {@link #fieldCount()} is the plain-Java fallback.
 */
@FunctionalInterface
public interface CronCheck {

  /** What is wrong with the expression, or empty when it is valid. */
  Optional<String> problem(String expression);

  /** Only checks the shape of a Quartz cron expression: six or seven fields. */
  static CronCheck fieldCount() {
    return expression -> {
      int fields = expression.strip().split("\\s+").length;
      return fields == 6 || fields == 7
          ? Optional.empty()
          : Optional.of(
              "a cron expression has 6 or 7 fields (seconds minutes hours day-of-month month"
                  + " day-of-week [year]), got "
                  + fields);
    };
  }
}
