package org.daysofchaos.core;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration notation of scenario files: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h30m}.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h))+");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException with a message fit for a user when the text is not a duration
   */
  public static Duration parse(String text) {
    String t = text.strip();
    if (t.startsWith("-")) {
      throw new IllegalArgumentException("must not be negative, got '" + text + "'");
    }
    if (!WHOLE.matcher(t).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write e.g. 500ms, 30s, 2m or 1h30m");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      long n;
      try {
        n = Long.parseLong(m.group(1));
        total = total.plus(unit(n, m.group(2)));
      } catch (ArithmeticException | NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "' is too long a duration");
      }
    }
    return total;
  }

  private static Duration unit(long n, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> throw new IllegalArgumentException("unknown unit " + unit);
    };
  }

  /** Formats in the same notation, exactly: {@code format(parse(x))} parses back to the same. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    long ms = d.toMillis();
    StringBuilder sb = new StringBuilder();
    long h = ms / 3_600_000;
    long m = (ms / 60_000) % 60;
    long s = (ms / 1000) % 60;
    long rest = ms % 1000;
    if (h > 0) sb.append(h).append('h');
    if (m > 0) sb.append(m).append('m');
    if (s > 0) sb.append(s).append('s');
    if (rest > 0) sb.append(rest).append("ms");
    return sb.toString();
  }

  /** Seconds with millisecond precision, for reports: {@code 42.317 s}. */
  public static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.3f s", d.toMillis() / 1000.0);
  }
}
