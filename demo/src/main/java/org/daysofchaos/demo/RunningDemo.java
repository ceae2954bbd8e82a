package org.daysofchaos.demo;

import java.net.URI;
import java.nio.file.Path;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServer;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;

/**
 * A started demo pre-production, as the game-day server and the CLI see it: where its services,
 * metrics, fault proxy and ops console listen, and the process scenarios may pause or kill. It runs
 * in this JVM ({@link DemoSystem}) or in a child JVM of its own ({@link DemoProcess}).
 */
public interface RunningDemo extends AutoCloseable {
  /** The booking service, e.g. for {@code GET /book}. */
  URI bookingUrl();

  /** The Prometheus text endpoint the demo scenarios watch. */
  URI metricsUrl();

  /** The ops console, where players pull the levers that fix incidents. */
  URI opsUrl();

  /** The token every request to the ops console must carry ({@code Authorization: Bearer}). */
  String opsToken();

  /** The embedded fault proxy's Toxiproxy API. */
  URI toxiproxyUrl();

  /** The processes scenarios may target: {@code inventory}. */
  LocalProcesses processes();

  /**
   * The booking service's configuration file ({@code booking.properties}, in a folder of the demo's
   * own): the one file scenario {@code demo/bad-config} changes through the demo's host agent.
   */
  Path bookingConfig();

  /** The inventory process's pid now (it changes when the process is restarted). */
  long inventoryPid();

  /** The fault servers scenarios may target: the embedded proxy, as the default server. */
  default ToxiproxyServers toxiproxyServers() {
    return ToxiproxyServers.of(ToxiproxyServer.of(ToxiproxyServer.DEFAULT, toxiproxyUrl()));
  }

  /**
   * Starts the background traffic if it was started {@link TrafficStart#WHEN_ASKED} and is not
   * running yet; otherwise does nothing. Throws {@link IllegalStateException} if the demo cannot be
   * reached.
   */
  void startTraffic();

  /** Stops the whole demo; never throws. */
  @Override
  void close();
}
