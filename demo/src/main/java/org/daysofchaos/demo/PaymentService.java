package org.daysofchaos.demo;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Takes payments: answers {@code POST /pay} after some milliseconds of "work". The primary works
 * 2–8 ms; the replica, farther away, 40–60 ms.
 */
final class PaymentService implements AutoCloseable {
  private final MiniHttp http;

  private PaymentService(String name, int minMillis, int maxMillis) throws IOException {
    http = new MiniHttp(name, 0, 8);
    Counter payments = Counter.builder("payment_requests_total").register(http.registry());
    http.route(
        "/pay",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          sleepQuietly(ThreadLocalRandom.current().nextInt(minMillis, maxMillis + 1));
          payments.increment();
          MiniHttp.send(exchange, 200, "application/json", "{\"status\":\"paid\"}");
        });
    http.start();
  }

  static PaymentService primary() throws IOException {
    return new PaymentService("payment", 2, 8);
  }

  static PaymentService replica() throws IOException {
    return new PaymentService("payment-replica", 40, 60);
  }

  int port() {
    return http.port();
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
