package org.daysofchaos.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.daysofchaos.agents.process.LocalProcess;
import org.daysofchaos.demo.OpsParams.BadRequest;

/**
 * The demo's ops console: the levers a real on-call engineer has, as a small HTTP API and a page,
 * on a port of its own (players act here, not through the game's answer buttons).
 *
 * <pre>
 * GET  /ops                                   the page
 * GET  /ops/state                             the levers, the inventory pid, the latest pulls (JSON)
 * GET  /ops/ops.js                            the page's script (a file: the server's CSP allows no inline one)
 * POST /ops/payment/failover?to=replica|primary
 * POST /ops/inventory/restart
 * POST /ops/booking/circuit-breaker?dependency=payment|inventory&amp;state=open|closed
 * POST /ops/booking/timeout?dependency=payment|inventory&amp;ms=1..60000
 * POST /ops/booking/config/rollback          booking.properties back to the last good file
 * POST /ops/reset                             every lever back to where the demo started
 * </pre>
 *
 * Parameters come in the query string or as a form body. Every answer is JSON; a bad request gets a
 * 400 whose {@code error} names the parameter and what it accepts. Every request must carry the ops
 * token: players reach the console through the game-day server, signed in, and each pull records
 * who made it.
 */
final class OpsApi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 8192;
  private static final String FORM = "application/x-www-form-urlencoded";

  /**
   * The header in which the game-day server names who pulls, e.g. {@code blue-player (team blue)}.
   */
  static final String ACTOR = "X-Ops-Actor";

  private final String token;
  private final MiniHttp http;
  private final Levers levers;
  private final LocalProcess inventory;
  private final BookingConfig config;
  private final MeterRegistry metrics;
  private final List<Route> routes;

  private interface Action {
    Reply run(OpsParams params, String by) throws Exception;
  }

  private record Route(String method, String path, List<String> params, Action action) {
    String endpoint() {
      return method + " " + path;
    }
  }

  private record Reply(int status, String contentType, String body) {
    static Reply json(int status, ObjectNode node) {
      return new Reply(status, "application/json", node.toString());
    }
  }

  /**
   * @param port the port of the page and API; 0 for a free one
   * @param token the Bearer token every request must carry: the game-day server's, which forwards
   *     its signed-in players' requests (docs/demo.md)
   * @param metrics where lever pulls are counted ({@code ops_lever_pulls_total{lever}})
   */
  OpsApi(
      int port,
      String token,
      Levers levers,
      LocalProcess inventory,
      BookingConfig config,
      MeterRegistry metrics)
      throws IOException {
    this.token = token;
    this.levers = levers;
    this.inventory = inventory;
    this.config = config;
    this.metrics = metrics;
    this.routes =
        List.of(
            new Route("GET", "/ops", List.of(), (p, by) -> page()),
            new Route("GET", "/ops/state", List.of(), (p, by) -> Reply.json(200, state())),
            new Route(
                "GET",
                "/ops/ops.js",
                List.of(),
                (p, by) -> new Reply(200, "text/javascript; charset=utf-8", OpsPage.SCRIPT)),
            new Route("POST", "/ops/payment/failover", List.of("to"), this::failover),
            new Route("POST", "/ops/inventory/restart", List.of(), (p, by) -> restart(by)),
            new Route(
                "POST",
                "/ops/booking/circuit-breaker",
                List.of("dependency", "state"),
                this::breaker),
            new Route("POST", "/ops/booking/timeout", List.of("dependency", "ms"), this::timeout),
            new Route("POST", "/ops/booking/config/rollback", List.of(), (p, by) -> rollback(by)),
            new Route("POST", "/ops/reset", List.of(), (p, by) -> reset(by)));
    this.http = new MiniHttp("ops", port, 4);
    http.route("/ops", this::handle);
    http.start();
  }

  /** The ops page; the API lives under it. */
  URI url() {
    return URI.create("http://127.0.0.1:" + http.port() + "/ops");
  }

  // --- the levers -------------------------------------------------------------------------------

  private Reply failover(OpsParams params, String by) throws BadRequest {
    PaymentInstance to = params.choice("to", PaymentInstance.class);
    return pulled(
        "payment-failover",
        levers.pull("payment failover to " + to.label(), by, s -> s.withPayment(to)));
  }

  private Reply breaker(OpsParams params, String by) throws BadRequest {
    Dependency dependency = params.choice("dependency", Dependency.class);
    BreakerState state = params.choice("state", BreakerState.class);
    return pulled(
        "circuit-breaker",
        levers.pull(
            "circuit breaker to " + dependency.label() + " " + state.label(),
            by,
            s -> s.withBreaker(dependency, state)));
  }

  private Reply timeout(OpsParams params, String by) throws BadRequest {
    Dependency dependency = params.choice("dependency", Dependency.class);
    Duration timeout = params.millis("ms");
    return pulled(
        "timeout",
        levers.pull(
            dependency.label() + " timeout " + timeout.toMillis() + " ms",
            by,
            s -> s.withTimeout(dependency, timeout)));
  }

  private Reply reset(String by) {
    return pulled("reset", levers.pull("reset every lever", by, s -> LeverState.DEFAULTS));
  }

  /** Restarts the inventory process; bookings fail while the new one starts (a second or two). */
  private Reply restart(String by) {
    long before = inventory.pid();
    long start = System.nanoTime();
    try {
      inventory.restart();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String reason = "inventory did not restart: " + e.getMessage();
      levers.log("inventory restart", "failed: " + e.getMessage(), by);
      return Reply.json(500, JSON.createObjectNode().put("error", reason));
    }
    long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
    long after = inventory.pid();
    levers.log("inventory restart", "pid " + before + " -> " + after + " in " + took + " ms", by);
    count("inventory-restart");
    ObjectNode reply = JSON.createObjectNode().put("pulled", "inventory restart");
    reply.put("previousPid", before).put("pid", after).put("tookMs", took);
    reply.set("state", state());
    return Reply.json(200, reply);
  }

  /** Puts the good booking.properties back; booking reads it again at once. */
  private Reply rollback(String by) {
    boolean changed;
    try {
      changed = config.rollback();
    } catch (IOException e) {
      levers.log("booking config rollback", "failed: " + e.getMessage(), by);
      return error(500, "booking.properties was not rolled back: " + e.getMessage());
    }
    String outcome = changed ? "restored the last good file" : "the file was already good";
    levers.log("booking config rollback", outcome, by);
    count("config-rollback");
    ObjectNode reply = JSON.createObjectNode().put("pulled", "booking config rollback");
    reply.put("outcome", outcome);
    reply.set("state", state());
    return Reply.json(200, reply);
  }

  private Reply pulled(String lever, LeverState after) {
    count(lever);
    ObjectNode reply = JSON.createObjectNode().put("pulled", lever);
    reply.set("state", state(after));
    return Reply.json(200, reply);
  }

  private void count(String lever) {
    metrics.counter("ops_lever_pulls", "lever", lever).increment();
  }

  // --- what the page and the API show ------------------------------------------------------------

  private ObjectNode state() {
    return state(levers.current());
  }

  private ObjectNode state(LeverState current) {
    ObjectNode node = JSON.createObjectNode();
    ObjectNode payment = node.putObject("payment");
    payment.put("instance", current.payment().label());
    payment.put("circuitBreaker", current.paymentBreaker().label());
    payment.put("timeoutMs", current.paymentTimeout().toMillis());
    ObjectNode inv = node.putObject("inventory");
    inv.put("circuitBreaker", current.inventoryBreaker().label());
    inv.put("timeoutMs", current.inventoryTimeout().toMillis());
    inv.put("pid", inventory.pid());
    BookingConfig.Reading reading = config.current();
    ObjectNode file = node.putObject("bookingConfig");
    file.put("file", BookingConfig.FILE).put("ok", reading.ok());
    file.put(BookingConfig.POOL_SIZE, reading.poolSize());
    if (!reading.ok()) {
      file.put("error", reading.error());
    }
    ArrayNode pulls = node.putArray("pulls");
    for (Levers.Pull pull : levers.pulls()) {
      pulls
          .addObject()
          .put("at", pull.at().toString())
          .put("lever", pull.lever())
          .put("outcome", pull.outcome())
          .put("by", pull.by());
    }
    return node;
  }

  private static Reply page() {
    return new Reply(200, "text/html; charset=utf-8", OpsPage.HTML);
  }

  // --- HTTP
  // ---------------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    Reply reply = dispatch(exchange);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    MiniHttp.send(exchange, reply.status(), reply.contentType(), reply.body());
  }

  private Reply dispatch(HttpExchange exchange) throws IOException {
    if (!authorized(exchange)) {
      return error(
          401,
          "the ops console answers the game-day server only: sign in there and open /ops (a"
              + " test or script sends the demo's ops token as a Bearer token)");
    }
    String path = exchange.getRequestURI().getPath();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String method = exchange.getRequestMethod();
    String at = path;
    List<Route> here = routes.stream().filter(r -> r.path().equals(at)).toList();
    if (here.isEmpty()) {
      return error(404, "no ops endpoint at " + path + "; endpoints: " + endpoints());
    }
    Route route = here.stream().filter(r -> r.method().equals(method)).findFirst().orElse(null);
    if (route == null) {
      String allowed = here.stream().map(Route::method).collect(Collectors.joining(", "));
      exchange.getResponseHeaders().set("Allow", allowed);
      return error(405, method + " " + path + " is not allowed; use " + allowed);
    }
    try {
      OpsParams params =
          OpsParams.parse(
                  route.endpoint(), exchange.getRequestURI().getRawQuery(), formBody(exchange))
              .allowOnly(route.params().toArray(String[]::new));
      return route.action().run(params, by(exchange));
    } catch (BadRequest e) {
      return error(400, e.getMessage());
    } catch (Exception e) {
      return error(500, route.endpoint() + " failed: " + e.getMessage());
    }
  }

  /** The ops token in {@code Authorization: Bearer}, compared in constant time. */
  private boolean authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    String presented = header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
    return MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8), presented.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** Who pulls: the player (and team) the server signed in, as it tells in X-Ops-Actor. */
  private static String by(HttpExchange exchange) {
    String actor = exchange.getRequestHeaders().getFirst(ACTOR);
    return actor == null || actor.isBlank() ? "unknown" : actor.strip();
  }

  private String endpoints() {
    return routes.stream().map(Route::endpoint).collect(Collectors.joining(", "));
  }

  /** The body of a form post; any other body is refused, since it would be ignored. */
  private static String formBody(HttpExchange exchange) throws IOException, BadRequest {
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    if (bytes.length == 0) {
      return null;
    }
    if (bytes.length > MAX_BODY) {
      throw new BadRequest("the request body is larger than " + MAX_BODY + " bytes");
    }
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
      throw new BadRequest(
          "send the parameters in the query string or as a form ("
              + FORM
              + "), not as "
              + (type == null ? "a body without a Content-Type" : type));
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static Reply error(int status, String message) {
    return Reply.json(status, JSON.createObjectNode().put("error", message));
  }

  @Override
  public void close() {
    http.close();
  }
}
