package org.daysofchaos.scoreboard.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServer;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;

/**
 * The whole demo pre-production, started in one call and stopped in one close: the embedded fault
 * proxy with proxies {@code payment} and {@code inventory}, the payment service, the inventory
 * process, the booking service behind them, and background traffic.
 */
public final class DemoSystem implements AutoCloseable {
  /** Bookings per second sent by the built-in traffic. */
  public static final int DEFAULT_TRAFFIC = 40;

  private final List<AutoCloseable> parts = new ArrayList<>();
  private final EmbeddedToxiproxy toxiproxy;
  private final InventoryProcess inventory;
  private final BookingService booking;

  private DemoSystem(int trafficPerSecond, int proxyApiPort) throws IOException {
    try {
      toxiproxy = keep(EmbeddedToxiproxy.start(new InetSocketAddress("127.0.0.1", proxyApiPort)));
      PaymentService payment = keep(new PaymentService());
      inventory = keep(InventoryProcess.start());
      toxiproxy.createProxy("payment", "127.0.0.1:0", "127.0.0.1:" + payment.port());
      toxiproxy.createProxy("inventory", "127.0.0.1:0", "127.0.0.1:" + inventory.port());
      booking = keep(new BookingService(proxyUrl("inventory"), proxyUrl("payment")));
      if (trafficPerSecond > 0) {
        keep(new Traffic(booking.url(), trafficPerSecond));
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts the demo with the default background traffic. */
  public static DemoSystem start() throws IOException {
    return new DemoSystem(DEFAULT_TRAFFIC, 0);
  }

  public static DemoSystem start(int trafficPerSecond) throws IOException {
    return new DemoSystem(trafficPerSecond, 0);
  }

  /**
   * Starts the demo with the fault proxy's API on a fixed port (0: a free one). The game-day server
   * uses a fixed port, so that after a crash its ledger's revert records still point at the demo's
   * proxy when the restarted server starts the demo again.
   */
  public static DemoSystem start(int trafficPerSecond, int proxyApiPort) throws IOException {
    return new DemoSystem(trafficPerSecond, proxyApiPort);
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
  public URI bookingUrl() {
    return booking.url();
  }

  /** The Prometheus text endpoint the demo scenarios watch. */
  public URI metricsUrl() {
    return booking.metrics();
  }

  /** The embedded fault proxy's Toxiproxy API. */
  public URI toxiproxyUrl() {
    return toxiproxy.apiUrl();
  }

  /** The fault servers scenarios may target: the embedded proxy, as the default server. */
  public ToxiproxyServers toxiproxyServers() {
    return ToxiproxyServers.of(ToxiproxyServer.of(ToxiproxyServer.DEFAULT, toxiproxyUrl()));
  }

  /** The processes scenarios may target: {@code inventory}. */
  public LocalProcesses processes() {
    return new LocalProcesses().register("inventory", inventory);
  }

  public long inventoryPid() {
    return inventory.pid();
  }

  @Override
  public void close() {
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
