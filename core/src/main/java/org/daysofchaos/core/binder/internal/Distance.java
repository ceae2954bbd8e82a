package org.daysofchaos.core.binder.internal;

/** Optimal string alignment distance: edits, with a swap of two neighbours counting as one. */
public final class Distance {
  private Distance() {}

  /** The distance, or {@link Integer#MAX_VALUE} when the texts are too long or too different. */
  public static int between(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3 || a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        d[i][j] = step(a, b, d, i, j);
      }
    }
    return d[a.length()][b.length()];
  }

  private static int step(String a, String b, int[][] d, int i, int j) {
    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
    int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
    if (i > 1
        && j > 1
        && a.charAt(i - 1) == b.charAt(j - 2)
        && a.charAt(i - 2) == b.charAt(j - 1)) {
      best = Math.min(best, d[i - 2][j - 2] + 1);
    }
    return best;
  }
}
