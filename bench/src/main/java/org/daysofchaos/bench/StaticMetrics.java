package org.daysofchaos.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Prometheus text endpoint that always answers {@code bench_up 1}: the steady state of the bench
 * scenarios holds on it, so every gate passes and every incident injects. It runs in a small JVM of
 * its own: inside the bench's JVM, busy with hundreds of board viewers, it once missed the server's
 * scrapes, and the incidents it gated were aborted for the bench's own fault.
 */
final class StaticMetrics implements AutoCloseable {
  private final ChildJvm jvm;

  private StaticMetrics(ChildJvm jvm) {
    this.jvm = jvm;
  }

  static StaticMetrics start() throws IOException {
    return new StaticMetrics(
        ChildJvm.start(StaticMetrics.class, List.of("-Xmx32m", "-XX:+UseSerialGC")));
  }

  String url() {
    return jvm.firstLine();
  }

  @Override
  public void close() {
    jvm.close();
  }

  /** Serves until killed; prints the endpoint's URL once it listens. */
  public static void main(String[] args) throws IOException {
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
    System.out.println("http://127.0.0.1:" + metrics.getAddress().getPort() + "/metrics");
    System.out.flush();
  }
}
