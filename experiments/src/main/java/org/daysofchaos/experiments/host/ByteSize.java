package org.daysofchaos.experiments.host;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daysofchaos.core.binder.Notation;

/**
 * An amount of memory or disk, written {@code 512MiB}, {@code 2GiB}, {@code 100MB} or a number of
 * bytes. Binary units (KiB, MiB, GiB, TiB) are powers of 1024, decimal ones (KB, MB, GB, TB) of
 * 1000, as df and free print them.
 *
 * @param bytes the amount in bytes, at least 0
 */
@Notation(ByteSizeType.class)
public record ByteSize(long bytes) implements Comparable<ByteSize> {
  static final Pattern TEXT = Pattern.compile("(\\d{1,18})\\s*([KMGT]i?B|B)?");

  public ByteSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size is at least 0 bytes, got " + bytes);
    }
  }

  public static ByteSize ofBytes(long bytes) {
    return new ByteSize(bytes);
  }

  /**
   * Reads {@code 512MiB}, {@code 1GB}, {@code 4096}.
   *
   * @throws IllegalArgumentException with a message fit for a user
   */
  public static ByteSize parse(String text) {
    Matcher m = TEXT.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected a size such as 512MiB, 2GiB, 100MB or a number of bytes, got '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    long unit = unit(m.group(2));
    if (n > Long.MAX_VALUE / unit) {
      throw new IllegalArgumentException("the size " + text + " is too large");
    }
    return new ByteSize(n * unit);
  }

  private static long unit(String unit) {
    if (unit == null || unit.equals("B")) {
      return 1;
    }
    int power = "KMGT".indexOf(unit.charAt(0)) + 1;
    long base = unit.contains("i") ? 1024 : 1000;
    long result = 1;
    for (int i = 0; i < power; i++) {
      result *= base;
    }
    return result;
  }

  @Override
  public int compareTo(ByteSize other) {
    return Long.compare(bytes, other.bytes);
  }

  /** The largest binary unit that divides it exactly: {@code 512MiB}, {@code 1000B}. */
  @Override
  public String toString() {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    long n = bytes;
    int i = 0;
    while (i < units.length - 1 && n != 0 && n % 1024 == 0) {
      n /= 1024;
      i++;
    }
    return String.format(Locale.ROOT, "%d%s", n, units[i]);
  }
}
