package org.daysofchaos.experiments.faults;

import java.util.Locale;

final class Flow {
  private Flow() {}

  /** "(downstream)" or "(upstream, 30% of connections)". */
  static String describe(Direction direction, double toxicity) {
    String share =
        toxicity >= 1.0
            ? ""
            : String.format(Locale.ROOT, ", %.0f%% of connections", toxicity * 100);
    return "(" + direction.name().toLowerCase(Locale.ROOT) + share + ")";
  }
}
