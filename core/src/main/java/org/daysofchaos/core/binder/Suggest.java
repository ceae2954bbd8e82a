package org.daysofchaos.core.binder;

import java.util.Collection;
import java.util.Locale;
import org.daysofchaos.core.binder.internal.Distance;

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
      int d = Distance.between(lower, candidate.toLowerCase(Locale.ROOT));
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
  public static String didYouMean(String given, Collection<String> candidates) {
    String closest = closest(given, candidates);
    return closest == null ? "" : " (did you mean '" + closest + "'?)";
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
  }
}
