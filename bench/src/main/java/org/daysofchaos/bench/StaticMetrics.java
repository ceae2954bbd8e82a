package org.daysofchaos.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A Prometheus text endpoint that always answers {@code bench_up 1}: the steady state of the bench
 * scenarios holds on it, so every gate passes and every incident injects.
 */
final class StaticMetrics {
  private StaticMetrics() {}

  static HttpServer start() throws IOException {
    HttpServer metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    metrics.createContext(
        "/metrics",
        exchange -> {
          byte[] body = "bench_up 1\n".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    metrics.start();
    return metrics;
  }

  static String url(HttpServer metrics) {
    return "http://127.0.0.1:" + metrics.getAddress().getPort() + "/metrics";
  }
}
