package org.daysofchaos.demo;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.InputStream;

/**
 * The inventory service, run as its own OS process so that pausing or killing it is real. It prints
 * {@code READY <port>} when it listens, and exits when its parent closes its standard input, so it
 * never outlives the demo.
 */
public final class InventoryMain {
  private InventoryMain() {}

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    MiniHttp http = new MiniHttp("inventory", port, 8);
    Counter checks = Counter.builder("inventory_requests_total").register(http.registry());
    http.route(
        "/seats",
        exchange -> {
          checks.increment();
          MiniHttp.send(exchange, 200, "application/json", "{\"seatsLeft\":42}");
        });
    http.start();
    System.out.println("READY " + http.port());
    System.out.flush();
    InputStream in = System.in;
    while (in.read() >= 0) {
      // Nothing to read; the loop only waits for the parent to go away.
    }
    http.close();
    System.exit(0);
  }
}
