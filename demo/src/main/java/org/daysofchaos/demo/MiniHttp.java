package org.daysofchaos.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One small HTTP service of the demo, on the JDK's HTTP server, with a Micrometer registry served
 * at {@code /metrics}. The demo needs no framework; its point is to be broken.
 */
final class MiniHttp implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  MiniHttp(String name, int port, int threads) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, name + "-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    route(
        "/metrics",
        exchange -> send(exchange, 200, "text/plain; version=0.0.4", registry.scrape()));
    route("/health", exchange -> send(exchange, 200, "text/plain", "ok\n"));
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  void route(String path, HttpHandler handler) {
    server.createContext(
        path,
        exchange -> {
          try (exchange) {
            handler.handle(exchange);
          } catch (IOException | RuntimeException e) {
            // The client went away or the handler broke: either way, this exchange is over.
          }
        });
  }

  MiniHttp start() {
    server.start();
    return this;
  }

  int port() {
    return server.getAddress().getPort();
  }

  static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    registry.close();
  }
}
