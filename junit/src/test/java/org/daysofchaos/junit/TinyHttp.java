package org.daysofchaos.junit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Two tiny HTTP servers on free ports of 127.0.0.1: a dependency that answers "ok", and a service
 * whose {@code /health} asks its dependency (through a proxy, in the tests) and answers 503 when it
 * does not answer within a second.
 */
final class TinyHttp implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  private TinyHttp(HttpServer server) {
    this.server = server;
    server.setExecutor(threads);
    server.start();
  }

  static TinyHttp dependency() {
    HttpServer server = bind();
    server.createContext("/", exchange -> answer(exchange, 200, "ok"));
    return new TinyHttp(server);
  }

  /** A service whose {@code /health} is 200 when {@code dependency} answers 200, else 503. */
  static TinyHttp service(URI dependency) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpServer server = bind();
    server.createContext(
        "/health",
        exchange -> {
          boolean ok;
          try {
            HttpRequest request =
                HttpRequest.newBuilder(dependency).timeout(Duration.ofSeconds(1)).build();
            ok = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
          } catch (IOException e) {
            ok = false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
          }
          answer(exchange, ok ? 200 : 503, ok ? "healthy" : "dependency failing");
        });
    return new TinyHttp(server);
  }

  /** {@code host:port}. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  URI uri() {
    return URI.create("http://" + address());
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private static HttpServer bind() {
    try {
      return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
