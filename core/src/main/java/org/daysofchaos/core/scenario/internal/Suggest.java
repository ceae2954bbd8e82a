package org.daysofchaos.core.scenario.internal;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?": the closest of a few names to what a user wrote, if it is close enough. */
public final class Suggest {
  private Suggest() {}

  /** The closest candidate, or null when none is an obvious typo of {@code given}. */
  public static String closest(String given, Collection<String> candidates) {
    String g = normalize(given);
    if (g.isEmpty()) {
      return null;
    }
    for (String candidate : candidates) {
      if (normalize(candidate).equals(g)) {
        return candidate;
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = given.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int length = Math.min(given.length(), best == null ? 0 : best.length());
    int allowed = length <= 2 ? 0 : length <= 5 ? 1 : length <= 10 ? 2 : 3;
    return bestDistance <= allowed ? best : null;
  }

  /** " (did you mean 'x'?)" or "". */
  static String didYouMean(String given, Collection<String> candidates) {
    String closest = closest(given, candidates);
    return closest == null ? "" : " (did you mean '" + closest + "'?)";
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
  }

  /** Optimal string alignment distance: edits, with a swap of two neighbours counting as one. */
  static int distance(String a, String b) {
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
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
