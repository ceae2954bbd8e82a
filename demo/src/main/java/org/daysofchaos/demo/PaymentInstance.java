package org.daysofchaos.demo;

import java.util.Locale;

/**
 * The payment instance booking sends payments to. The replica sits behind its own proxy, so it can
 * be broken on its own, and answers a little more slowly than the primary: failing over without
 * need costs latency.
 */
enum PaymentInstance {
  PRIMARY,
  REPLICA;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
