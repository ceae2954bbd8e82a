package org.daysofchaos.core.binder;

/** Field paths of problems: {@code faults[0].latency}, {@code targets.payment-link.proxy}. */
public final class Paths {
  private Paths() {}

  /** {@code path.key}, or {@code key} at the top. */
  public static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** {@code path[i]}. */
  public static String index(String path, int i) {
    return path + "[" + i + "]";
  }
}
