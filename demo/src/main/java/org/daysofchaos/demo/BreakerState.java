package org.daysofchaos.demo;

import java.util.Locale;

/**
 * A circuit breaker that an operator opens or closes by hand. Open, booking stops calling the
 * dependency and degrades instead of failing: it confirms bookings with the payment deferred, or
 * without a seat check.
 */
enum BreakerState {
  CLOSED,
  OPEN;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
