package org.daysofchaos.core.scenario.internal;

/** Field paths of problems: {@code faults[0].latency}, {@code targets.payment-link.proxy}. */
final class Paths {
  private Paths() {}

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }
}
