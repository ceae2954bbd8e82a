package org.daysofchaos.agents.host.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server's side of the agent protocol, as small as a test needs: one accepted credential, a
 * queue of orders, every applied fault renewed at each poll. It runs in the test's JVM or, through
 * {@link #main}, as a process of its own that a test can SIGKILL.
 */
public final class FakeChaosServer implements AutoCloseable {
  private final HttpServer http;
  private final String credential;
  private final long waitMillis;
  private final LinkedBlockingQueue<Wire.Apply> orders = new LinkedBlockingQueue<>();
  private final Set<String> renewing = java.util.concurrent.ConcurrentHashMap.newKeySet();
  final List<Wire.Hello> hellos = new CopyOnWriteArrayList<>();
  final ConcurrentLinkedQueue<Wire.Result> results = new ConcurrentLinkedQueue<>();

  /** The HTTP version and any protocol upgrade each request asked for, e.g. "HTTP/1.1 h2c". */
  final List<String> protocols = new CopyOnWriteArrayList<>();

  public FakeChaosServer(String credential, long waitMillis) throws IOException {
    this.credential = credential;
    this.waitMillis = waitMillis;
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/" + Wire.PATH + "hello", this::hello);
    http.createContext("/" + Wire.PATH + "poll", this::poll);
    http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    http.start();
  }

  public String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  public void order(Wire.Apply apply) {
    renewing.add(apply.injectionId());
    orders.add(apply);
  }

  /** Stops renewing a fault, as when its incident ends without an explicit revert. */
  public void forget(String injectionId) {
    renewing.remove(injectionId);
  }

  private boolean authorised(HttpExchange exchange) throws IOException {
    String upgrade = exchange.getRequestHeaders().getFirst("Upgrade");
    protocols.add(exchange.getProtocol() + (upgrade == null ? "" : " " + upgrade));
    if (("Bearer " + credential).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return true;
    }
    answer(exchange, 401, "{\"error\":\"unknown or revoked agent credential\"}");
    return false;
  }

  private void hello(HttpExchange exchange) throws IOException {
    if (!authorised(exchange)) {
      return;
    }
    hellos.add(Wire.MAPPER.readValue(exchange.getRequestBody(), Wire.Hello.class));
    answer(exchange, 200, Wire.MAPPER.writeValueAsString(new Wire.Welcome(waitMillis)));
  }

  private void poll(HttpExchange exchange) throws IOException {
    if (!authorised(exchange)) {
      return;
    }
    Wire.Poll poll = Wire.MAPPER.readValue(exchange.getRequestBody(), Wire.Poll.class);
    results.addAll(poll.results());
    poll.results().forEach(r -> System.out.println("result " + r.injectionId() + " " + r.status()));
    List<Wire.Apply> sending = new ArrayList<>();
    try {
      Wire.Apply first = orders.poll(waitMillis, TimeUnit.MILLISECONDS);
      if (first != null) {
        sending.add(first);
        orders.drainTo(sending);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Wire.Orders answer = new Wire.Orders(sending, List.of(), List.copyOf(renewing), false);
    answer(exchange, 200, Wire.MAPPER.writeValueAsString(answer));
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    http.stop(0);
  }

  /**
   * {@code FakeChaosServer CREDENTIAL PORT_FILE ORDERS_FILE}: serves until killed; writes its URL
   * to PORT_FILE once listening, and orders the faults of ORDERS_FILE (a JSON array of {@link
   * Wire.Apply}) at the first poll.
   */
  public static void main(String[] args) throws Exception {
    FakeChaosServer server = new FakeChaosServer(args[0], 500);
    JsonNode orders = Wire.MAPPER.readTree(Files.readString(Path.of(args[2])));
    for (JsonNode order : orders) {
      server.order(Wire.MAPPER.treeToValue(order, Wire.Apply.class));
    }
    Path port = Path.of(args[1]);
    Files.writeString(port.resolveSibling(port.getFileName() + ".tmp"), server.url());
    Files.move(port.resolveSibling(port.getFileName() + ".tmp"), port);
    Thread.currentThread().join(); // until killed
  }
}
