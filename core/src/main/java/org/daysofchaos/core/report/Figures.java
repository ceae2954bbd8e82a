package org.daysofchaos.core.report;

import java.time.Duration;
import java.util.Locale;
import org.daysofchaos.core.Durations;

/** How reports write durations and shares, the same in every form (text, page, PDF). */
public final class Figures {
  private Figures() {}

  /** "850 ms", "42.0 s", "3 min 10 s", "1 h 05 min"; a negative duration gets a minus sign. */
  public static String duration(Duration d) {
    if (d.isNegative()) {
      return "\u2212" + duration(d.negated());
    }
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = d.getSeconds();
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
  }

  /** " (± 1s)" for a resolution, nothing for an exact moment. */
  public static String resolution(Duration resolution) {
    return resolution.isZero() ? "" : " (\u00b1 " + Durations.format(resolution) + ")";
  }

  /** A share of a whole as a percentage, rounded half up to a whole percent; 0 of 0 is 0. */
  public static int percent(int part, int whole) {
    if (whole == 0) {
      return 0;
    }
    return (int) Math.floor(100.0 * part / whole + 0.5);
  }
}
