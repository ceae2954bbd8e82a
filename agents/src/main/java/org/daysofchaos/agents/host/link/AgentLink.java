package org.daysofchaos.agents.host.link;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.daysofchaos.agents.host.HostAgent;
import org.daysofchaos.agents.host.Order;
import org.daysofchaos.agents.host.Outcome;
import org.daysofchaos.experiments.Catalog;

/**
 * The agent's side of the link: says hello, then long-polls for orders for as long as it runs,
 * carrying the results of the previous ones. A watchdog reverts every fault whose lease passes, so
 * a server that dies, hangs or becomes unreachable leaves nothing behind for longer than a lease. A
 * server that refuses the credential (unknown or revoked agent) ends the link for good.
 */
public final class AgentLink implements AutoCloseable {
  private static final Duration RETRY_MIN = Duration.ofMillis(200);
  private static final Duration RETRY_MAX = Duration.ofSeconds(5);

  /** The server refused the agent's credential: it is unknown, or was revoked. */
  public static final class RefusedException extends IOException {
    RefusedException(String message) {
      super(message);
    }
  }

  private final HostAgent agent;
  private final URI server;
  private final String credential;
  private final HttpClient http;
  private final Consumer<String> log;
  private final FaultCodec codec = new FaultCodec(Catalog.standard());
  private final ConcurrentLinkedQueue<Wire.Result> results = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dead-mans-switch");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean closed;

  public AgentLink(
      HostAgent agent, URI server, String credential, HttpClient http, Consumer<String> log) {
    this.agent = agent;
    this.server = server;
    this.credential = credential;
    this.http = http;
    this.log = log;
  }

  /**
   * Runs the link until {@link #close()}: hello, then polls, reconnecting after any failure.
   *
   * @param recovered what the ledger reverted at start, for the hello
   * @throws RefusedException when the server refuses the credential
   */
  public void run(List<Outcome> recovered) throws RefusedException, InterruptedException {
    watchdog.scheduleWithFixedDelay(this::expire, 100, 100, TimeUnit.MILLISECONDS);
    Duration retry = RETRY_MIN;
    boolean reported = false;
    while (!closed) {
      try {
        Wire.Welcome welcome = hello(reported ? List.of() : recovered);
        reported = true;
        log.accept("connected to " + server + " as " + agent.config().name());
        warnIfLeaseTooShort(welcome);
        retry = RETRY_MIN;
        while (!closed) {
          poll(Duration.ofMillis(Math.max(100, welcome.waitMillis())));
        }
      } catch (RefusedException e) {
        throw e;
      } catch (IOException e) {
        if (closed) {
          break;
        }
        log.accept(
            "no server ("
                + (e.getMessage() == null ? e.toString() : e.getMessage())
                + "); again in "
                + retry.toMillis()
                + " ms");
        TimeUnit.MILLISECONDS.sleep(retry.toMillis());
        retry = retry.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : retry.multipliedBy(2);
      }
    }
  }

  /**
   * Leases are renewed only by poll answers: a server that holds polls for more than half the lease
   * can let a lease pass between two renewals, and the faults then end early.
   */
  private void warnIfLeaseTooShort(Wire.Welcome welcome) {
    long lease = agent.config().lease().toMillis();
    if (welcome.waitMillis() * 2 > lease) {
      log.accept(
          "warning: the server holds polls for "
              + welcome.waitMillis()
              + " ms, more than half this agent's lease ("
              + lease
              + " ms); faults may end before the server stops renewing them: raise lease");
    }
  }

  private void expire() {
    try {
      for (Outcome outcome : agent.expire()) {
        log.accept("lease passed, " + describe(outcome));
        results.add(Wire.Result.of(outcome));
      }
    } catch (RuntimeException e) {
      log.accept("the dead man's switch failed: " + e);
    }
  }

  private Wire.Welcome hello(List<Outcome> recovered) throws IOException, InterruptedException {
    Map<String, String> capabilities = new TreeMap<>();
    agent.capabilities().forEach((kind, why) -> capabilities.put(kind, why.orElse("")));
    Wire.Hello hello =
        new Wire.Hello(
            agent.config().name(),
            hostName(),
            version(),
            capabilities,
            recovered.stream().map(Wire.Result::of).toList(),
            agent.active());
    return post("hello", hello, Wire.Welcome.class, Duration.ofSeconds(30));
  }

  private void poll(Duration wait) throws IOException, InterruptedException {
    List<Wire.Result> sending = drain();
    Wire.Orders orders;
    try {
      orders =
          post(
              "poll",
              new Wire.Poll(sending, agent.active()),
              Wire.Orders.class,
              wait.plusSeconds(10));
    } catch (IOException e) {
      results.addAll(sending); // not delivered: sent again with the next poll
      throw e;
    }
    agent.renew(orders.renew());
    for (String id : orders.revert()) {
      report(agent.revert(id));
    }
    if (orders.haltAll()) {
      log.accept("halt-all from the server");
      agent.revertAll().forEach(this::report);
    }
    for (Wire.Apply apply : orders.apply()) {
      report(apply(apply));
    }
  }

  private Outcome apply(Wire.Apply apply) {
    try {
      Order order =
          new Order(
              apply.injectionId(),
              apply.runId(),
              apply.scenarioId(),
              agent.config().name(),
              apply.target(),
              codec.decode(apply.fault()),
              Duration.ofMillis(apply.leaseMillis()));
      return agent.apply(order);
    } catch (RuntimeException e) {
      return new Outcome(apply.injectionId(), Outcome.Status.REFUSED, e.getMessage());
    }
  }

  private void report(Outcome outcome) {
    log.accept(describe(outcome));
    results.add(Wire.Result.of(outcome));
  }

  private static String describe(Outcome outcome) {
    return outcome.injectionId() + " " + outcome.status() + ": " + outcome.message();
  }

  private List<Wire.Result> drain() {
    List<Wire.Result> out = new ArrayList<>();
    for (Wire.Result r; (r = results.poll()) != null; ) {
      out.add(r);
    }
    return out;
  }

  private <T> T post(String path, Object body, Class<T> answer, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(server.resolve(Wire.PATH + path))
            // HTTP/1.1: over plain http the JDK client's default first tries an h2c upgrade, and
            // the game-day server (Vert.x) then failed the odd poll with "Request has already
            // been read" and logged it as an error; the agent had to connect again.
            .version(HttpClient.Version.HTTP_1_1)
            .timeout(timeout)
            .header("Authorization", "Bearer " + credential)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Wire.MAPPER.writeValueAsBytes(body)))
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new RefusedException(
          "the server refused the credential of agent "
              + agent.config().name()
              + " (unknown or revoked): "
              + new String(response.body(), StandardCharsets.UTF_8).strip());
    }
    if (response.statusCode() != 200) {
      throw new IOException(path + " answered " + response.statusCode());
    }
    return Wire.MAPPER.readValue(response.body(), answer);
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String version() {
    String v = AgentLink.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Ends the link; the faults stay under their leases until the agent itself is closed. */
  @Override
  public void close() {
    closed = true;
    watchdog.shutdownNow();
  }
}
