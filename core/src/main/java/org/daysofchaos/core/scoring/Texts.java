package org.daysofchaos.core.scoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** How score lines write numbers, shares and durations, so that every line reads alike. */
final class Texts {
  /** U+2212, the typographic minus, as in "−72": lines are read by people, not parsed. */
  static final String MINUS = "\u2212";

  private static final List<String> ORDINALS = List.of("first", "second", "third");

  private Texts() {}

  /** "+344", "−72", "0". */
  static String signed(int points) {
    if (points > 0) {
      return "+" + points;
    }
    return points < 0 ? MINUS + (-(long) points) : "0";
  }

  /** "10 % of 720". */
  static String percentOf(int percent, int base) {
    return percent + " % of " + base;
  }

  /** A rule's fraction as a percent: 0.2 → "20 %", 0.125 → "12.5 %". */
  static String percent(double fraction) {
    BigDecimal p = BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros();
    return p.toPlainString() + " %";
  }

  /** "first", "second", "third", then "4th", "5th"... */
  static String ordinal(int zeroBased) {
    return zeroBased < ORDINALS.size() ? ORDINALS.get(zeroBased) : (zeroBased + 1) + "th";
  }

  /**
   * A measured time, to the second: "45 s", "4 min 00 s", "1 h 02 min 05 s". Seconds and minutes
   * are padded after a larger unit so that lines of one board align when read one under another.
   */
  static String elapsed(Duration d) {
    long s = Math.max(0, d.getSeconds());
    long h = s / 3600;
    long min = (s / 60) % 60;
    long sec = s % 60;
    if (h > 0) {
      return String.format(Locale.ROOT, "%d h %02d min %02d s", h, min, sec);
    }
    if (min > 0) {
      return String.format(Locale.ROOT, "%d min %02d s", min, sec);
    }
    return sec + " s";
  }

  /** A rule's duration, without its zero parts: "5 min", "1 min 30 s", "1 h", "500 ms". */
  static String span(Duration d) {
    long s = d.getSeconds();
    if (s == 0) {
      return d.toMillis() + " ms";
    }
    StringBuilder sb = new StringBuilder();
    append(sb, s / 3600, "h");
    append(sb, (s / 60) % 60, "min");
    append(sb, s % 60, "s");
    return sb.toString();
  }

  private static void append(StringBuilder sb, long n, String unit) {
    if (n > 0) {
      sb.append(sb.isEmpty() ? "" : " ").append(n).append(' ').append(unit);
    }
  }

  /** ": payment / latency" for a play with a detail, nothing otherwise. */
  static String detail(Play play) {
    return play.detail().isEmpty() ? "" : ": " + play.detail();
  }
}
