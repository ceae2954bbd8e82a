package org.daysofchaos.scoreboard.demo;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/** Takes payments: answers {@code POST /pay} after 2–8 ms of "work". */
final class PaymentService implements AutoCloseable {
  private final MiniHttp http;

  PaymentService() throws IOException {
    http = new MiniHttp("payment", 0, 8);
    Counter payments = Counter.builder("payment_requests_total").register(http.registry());
    http.route(
        "/pay",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          sleepQuietly(ThreadLocalRandom.current().nextInt(2, 9));
          payments.increment();
          MiniHttp.send(exchange, 200, "application/json", "{\"status\":\"paid\"}");
        });
    http.start();
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
