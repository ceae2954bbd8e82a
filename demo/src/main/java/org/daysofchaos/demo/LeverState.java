package org.daysofchaos.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the demo's operational levers stand; booking reads one snapshot per booking.
 *
 * @param payment the payment instance booking pays with
 * @param paymentBreaker open: booking confirms bookings with the payment deferred
 * @param inventoryBreaker open: booking confirms bookings without checking seats
 * @param paymentTimeout how long booking waits for payment
 * @param inventoryTimeout how long booking waits for inventory
 */
record LeverState(
    PaymentInstance payment,
    BreakerState paymentBreaker,
    BreakerState inventoryBreaker,
    Duration paymentTimeout,
    Duration inventoryTimeout) {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

  /** As the demo starts: the primary, breakers closed, one-second timeouts. */
  static final LeverState DEFAULTS =
      new LeverState(
          PaymentInstance.PRIMARY,
          BreakerState.CLOSED,
          BreakerState.CLOSED,
          DEFAULT_TIMEOUT,
          DEFAULT_TIMEOUT);

  LeverState {
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(paymentBreaker, "paymentBreaker");
    Objects.requireNonNull(inventoryBreaker, "inventoryBreaker");
    Objects.requireNonNull(paymentTimeout, "paymentTimeout");
    Objects.requireNonNull(inventoryTimeout, "inventoryTimeout");
  }

  BreakerState breaker(Dependency dependency) {
    return dependency == Dependency.PAYMENT ? paymentBreaker : inventoryBreaker;
  }

  Duration timeout(Dependency dependency) {
    return dependency == Dependency.PAYMENT ? paymentTimeout : inventoryTimeout;
  }

  LeverState withPayment(PaymentInstance instance) {
    return new LeverState(
        instance, paymentBreaker, inventoryBreaker, paymentTimeout, inventoryTimeout);
  }

  LeverState withBreaker(Dependency dependency, BreakerState state) {
    return dependency == Dependency.PAYMENT
        ? new LeverState(payment, state, inventoryBreaker, paymentTimeout, inventoryTimeout)
        : new LeverState(payment, paymentBreaker, state, paymentTimeout, inventoryTimeout);
  }

  LeverState withTimeout(Dependency dependency, Duration timeout) {
    return dependency == Dependency.PAYMENT
        ? new LeverState(payment, paymentBreaker, inventoryBreaker, timeout, inventoryTimeout)
        : new LeverState(payment, paymentBreaker, inventoryBreaker, paymentTimeout, timeout);
  }
}
