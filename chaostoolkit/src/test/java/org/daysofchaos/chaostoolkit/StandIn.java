package org.daysofchaos.chaostoolkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local HTTP stand-in on an ephemeral loopback port: {@code /health} answers 200 (503 once {@code
 * /break} was called), {@code /metrics.json} a JSON body, and every request is recorded.
 */
final class StandIn implements AutoCloseable {
  final List<String> requests = new CopyOnWriteArrayList<>();
  final AtomicBoolean broken = new AtomicBoolean();
  private final HttpServer server;

  StandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          if (path.equals("/break")) {
            broken.set(true);
          } else if (path.equals("/repair")) {
            broken.set(false);
          }
          int status = path.equals("/health") && broken.get() ? 503 : 200;
          byte[] body =
              (path.startsWith("/metrics") || path.startsWith("/api/v1/query")
                      ? "{\"status\":\"success\",\"data\":{\"result\":[{\"value\":[1,\"0.2\"]}]}}"
                      : "ok")
                  .getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add(
                  "Content-Type",
                  path.startsWith("/metrics") || path.startsWith("/api/v1/query")
                      ? "application/json"
                      : "text/plain");
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int port() {
    return server.getAddress().getPort();
  }

  long count(String request) {
    return requests.stream().filter(r -> r.startsWith(request)).count();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
