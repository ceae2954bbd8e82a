package org.daysofchaos.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;

/**
 * The whole demo pre-production, started in one call and stopped in one close: the embedded fault
 * proxy with proxies {@code payment}, {@code payment-replica} and {@code inventory}, the payment
 * service and its replica, the inventory process, the booking service behind them, background
 * traffic, and the ops console whose levers players pull to fix incidents (docs/demo.md).
 */
public final class DemoSystem implements RunningDemo {
  /** Bookings per second sent by the built-in traffic. */
  public static final int DEFAULT_TRAFFIC = 40;

  private final List<AutoCloseable> parts = new ArrayList<>();
  private final EmbeddedToxiproxy toxiproxy;
  private final InventoryProcess inventory;
  private final BookingService booking;
  private final OpsApi ops;
  private final BookingConfig config;
  private final String opsToken = newToken();
  private final int trafficPerSecond;
  private boolean trafficStarted;
  private boolean closed;

  private DemoSystem(
      int trafficPerSecond, int proxyApiPort, int opsPort, int bookingPort, TrafficStart start)
      throws IOException {
    this.trafficPerSecond = trafficPerSecond;
    try {
      // The inventory's JVM boots while this one starts the proxy and the payment services.
      InventoryProcess spawned = keep(InventoryProcess.spawn());
      toxiproxy = keep(EmbeddedToxiproxy.start(new InetSocketAddress("127.0.0.1", proxyApiPort)));
      PaymentService payment = keep(PaymentService.primary());
      PaymentService replica = keep(PaymentService.replica());
      inventory = spawned.awaitReady();
      toxiproxy.createProxy("payment", "127.0.0.1:0", "127.0.0.1:" + payment.port());
      toxiproxy.createProxy("payment-replica", "127.0.0.1:0", "127.0.0.1:" + replica.port());
      toxiproxy.createProxy("inventory", "127.0.0.1:0", "127.0.0.1:" + inventory.port());
      Levers levers = new Levers(Clock.systemUTC());
      config = keep(BookingConfig.create());
      booking =
          keep(
              new BookingService(
                  proxyUrl("inventory"),
                  Map.of(
                      PaymentInstance.PRIMARY, proxyUrl("payment"),
                      PaymentInstance.REPLICA, proxyUrl("payment-replica")),
                  levers,
                  config,
                  bookingPort));
      ops = keep(new OpsApi(opsPort, opsToken, levers, inventory, config, booking.registry()));
      if (start == TrafficStart.AT_ONCE) {
        startTraffic();
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts the demo with the default background traffic. */
  public static DemoSystem start() throws IOException {
    return new DemoSystem(DEFAULT_TRAFFIC, 0, 0, 0, TrafficStart.AT_ONCE);
  }

  public static DemoSystem start(int trafficPerSecond) throws IOException {
    return new DemoSystem(trafficPerSecond, 0, 0, 0, TrafficStart.AT_ONCE);
  }

  /**
   * Starts the demo with the fault proxy's API on a fixed port (0: a free one). The game-day server
   * uses a fixed port, so that after a crash its ledger's revert records still point at the demo's
   * proxy when the restarted server starts the demo again.
   */
  public static DemoSystem start(int trafficPerSecond, int proxyApiPort) throws IOException {
    return new DemoSystem(trafficPerSecond, proxyApiPort, 0, 0, TrafficStart.AT_ONCE);
  }

  /**
   * Starts the demo with the fault proxy's API and the ops console on fixed ports (0: a free one),
   * so that players can be told where the ops console is before the game day starts.
   */
  public static DemoSystem start(int trafficPerSecond, int proxyApiPort, int opsPort)
      throws IOException {
    return new DemoSystem(trafficPerSecond, proxyApiPort, opsPort, 0, TrafficStart.AT_ONCE);
  }

  /**
   * Starts the demo with the fault proxy's API, the ops console and the booking service (with its
   * {@code /metrics}) on fixed ports (0: a free one), so that a Prometheus configured before the
   * game day can scrape the demo.
   */
  public static DemoSystem start(
      int trafficPerSecond, int proxyApiPort, int opsPort, int bookingPort) throws IOException {
    return start(trafficPerSecond, proxyApiPort, opsPort, bookingPort, TrafficStart.AT_ONCE);
  }

  /** As above, with its traffic started at once or only when asked ({@link #startTraffic()}). */
  public static DemoSystem start(
      int trafficPerSecond, int proxyApiPort, int opsPort, int bookingPort, TrafficStart start)
      throws IOException {
    return new DemoSystem(trafficPerSecond, proxyApiPort, opsPort, bookingPort, start);
  }

  private <T extends AutoCloseable> T keep(T part) {
    parts.add(part);
    return part;
  }

  private URI proxyUrl(String proxy) {
    InetSocketAddress address = toxiproxy.listenAddress(proxy);
    return URI.create("http://127.0.0.1:" + address.getPort());
  }

  /** The booking service, e.g. for {@code GET /book}. */
  @Override
  public URI bookingUrl() {
    return booking.url();
  }

  /** The Prometheus text endpoint the demo scenarios watch. */
  @Override
  public URI metricsUrl() {
    return booking.metrics();
  }

  /**
   * The ops console, where players pull the levers that fix incidents ({@code GET} it for the page;
   * the API lives below it, see docs/demo.md).
   */
  @Override
  public URI opsUrl() {
    return ops.url();
  }

  /**
   * The token every request to the ops console must carry ({@code Authorization: Bearer}): the
   * game-day server's, which serves the console to signed-in players, and a test's. New for each
   * start.
   */
  @Override
  public String opsToken() {
    return opsToken;
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The embedded fault proxy's Toxiproxy API. */
  @Override
  public URI toxiproxyUrl() {
    return toxiproxy.apiUrl();
  }

  /** The processes scenarios may target: {@code inventory}. */
  @Override
  public LocalProcesses processes() {
    return new LocalProcesses().register("inventory", inventory);
  }

  /** The booking service's configuration file, which scenario demo/bad-config changes. */
  @Override
  public Path bookingConfig() {
    return config.file();
  }

  @Override
  public long inventoryPid() {
    return inventory.pid();
  }

  /** Kills the inventory process and starts it again on the same port (its supervisor's job). */
  void restartInventory() throws IOException, InterruptedException {
    inventory.restart();
  }

  /** Starts the background traffic, unless it runs already, or the demo was stopped. */
  @Override
  public synchronized void startTraffic() {
    if (!trafficStarted && !closed && trafficPerSecond > 0) {
      trafficStarted = true;
      keep(new Traffic(booking.url(), trafficPerSecond));
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        // Keep closing the rest: a demo that half-stops would leave ports and processes behind.
      }
    }
    parts.clear();
  }
}
