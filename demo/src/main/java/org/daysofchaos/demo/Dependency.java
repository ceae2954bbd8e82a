package org.daysofchaos.demo;

import java.util.Locale;

/** A service that booking calls, as the levers and the metrics name it. */
enum Dependency {
  PAYMENT,
  INVENTORY;

  /** The name in metrics labels, the ops API and the page: {@code payment}, {@code inventory}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
