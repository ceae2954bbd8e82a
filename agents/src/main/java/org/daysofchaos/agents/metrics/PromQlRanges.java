package org.daysofchaos.agents.metrics;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The range windows of a PromQL expression ({@code rate(x[1m])}, a subquery's {@code [5m:30s]}):
 * how far back a query looks, which is how long a change takes to leave its answer.
 */
final class PromQlRanges {
  private static final Pattern RANGE =
      Pattern.compile("\\[\\s*((?:\\d+(?:ms|[smhdwy]))+)\\s*(?::[^\\]]*)?\\]");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|[smhdwy])");

  private PromQlRanges() {}

  /** The longest range window of the query, or zero for an instant query. */
  static Duration largest(String query) {
    Duration largest = Duration.ZERO;
    Matcher m = RANGE.matcher(query);
    while (m.find()) {
      Duration d = parse(m.group(1));
      if (d.compareTo(largest) > 0) {
        largest = d;
      }
    }
    return largest;
  }

  private static Duration parse(String text) {
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                case "w" -> Duration.ofDays(7 * n);
                default -> Duration.ofDays(365 * n);
              });
    }
    return total;
  }
}
