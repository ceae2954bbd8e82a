package org.daysofchaos.scoreboard.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP receiver on an ephemeral port that records what it gets: answers 200, a fixed
 * failure, or hangs until released.
 */
final class Receiver implements AutoCloseable {
  /** One request as received. */
  record Received(String path, String authorization, String body) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new ArrayList<>();
  private final int status;
  private final CountDownLatch release;

  private Receiver(int status, boolean hang) throws IOException {
    this.status = status;
    this.release = new CountDownLatch(hang ? 1 : 0);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          synchronized (received) {
            received.add(
                new Received(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    body));
          }
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(this.status, -1);
          exchange.close();
        });
    server.start();
  }

  static Receiver ok() throws IOException {
    return new Receiver(200, false);
  }

  static Receiver failing(int status) throws IOException {
    return new Receiver(status, false);
  }

  /** Takes each request and answers nothing until {@link #close()}. */
  static Receiver hanging() throws IOException {
    return new Receiver(200, true);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  List<String> bodies() {
    return received().stream().map(Received::body).toList();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
