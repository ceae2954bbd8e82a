package org.daysofchaos.scoreboard.targets;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.metrics.ScrapeMetricSource;
import org.daysofchaos.agents.process.LocalProcess;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServer;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.MetricSource;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.demo.DemoSystem;
import org.daysofchaos.experiments.targets.ProcessTarget;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server may touch: the Toxiproxy servers, local processes and metric endpoints named in
 * the configuration ({@code chaos.targets.*}), plus the embedded demo pre-production with {@code
 * chaos.demo.enabled}. Nothing else can be injected: this is the pre-production allow-list.
 */
@Singleton
public class Targets implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Targets.class);
  private static final String TOXIPROXY = "chaos.targets.toxiproxy.";
  private static final String PROCESS = "chaos.targets.process.";

  @Inject Config config;

  @ConfigProperty(name = "chaos.demo.enabled", defaultValue = "false")
  boolean demoEnabled;

  @ConfigProperty(name = "chaos.demo.proxy-port", defaultValue = "8474")
  int demoProxyPort;

  @ConfigProperty(name = "chaos.demo.traffic", defaultValue = "" + DemoSystem.DEFAULT_TRAFFIC)
  int demoTraffic;

  /** Where the demo's ops console (its operational levers, docs/demo.md) listens. */
  @ConfigProperty(name = "chaos.demo.ops-port", defaultValue = "8475")
  int demoOpsPort;

  /** An ops console to link from the player console, for a real pre-production. */
  @ConfigProperty(name = "chaos.play.ops-url")
  Optional<URI> opsUrl;

  /** The Bearer token of that console: the server then serves it at /ops behind its sign-in. */
  @ConfigProperty(name = "chaos.play.ops-token")
  Optional<String> opsToken;

  @ConfigProperty(name = "chaos.targets.metrics")
  Optional<List<URI>> metrics;

  private volatile DemoSystem demo;
  private volatile Wiring wiring;

  /** The injectors, probes and allow-lists, built once the demo (if any) is up. */
  public record Wiring(
      ToxiproxyServers servers,
      Map<String, String> serverUrls,
      LocalProcesses processes,
      Map<String, Long> processPids,
      List<URI> metrics,
      Injectors injectors,
      ProbeRunners probes) {}

  /** Where the server forwards {@code /ops}: an ops console and the token it takes. */
  public record OpsUpstream(URI url, String token) {}

  /**
   * The operations console players pull levers on, as the player console links it: the server's own
   * {@code /ops} when it serves one (the demo's, or {@code chaos.play.ops-url} with {@code
   * chaos.play.ops-token}), else {@code chaos.play.ops-url} as it is.
   */
  public Optional<URI> opsConsole() {
    return opsUpstream().map(u -> URI.create("/ops")).or(() -> opsUrl);
  }

  /** The ops console the server serves behind its sign-in at {@code /ops}, if any. */
  public Optional<OpsUpstream> opsUpstream() {
    DemoSystem running = demo;
    if (running != null) {
      return Optional.of(new OpsUpstream(running.opsUrl(), running.opsToken()));
    }
    return opsToken.flatMap(token -> opsUrl.map(url -> new OpsUpstream(url, token)));
  }

  /** Starts the embedded demo when configured, then wires every target. Idempotent. */
  public synchronized Wiring start() throws IOException {
    if (wiring != null) {
      return wiring;
    }
    Map<String, String> servers = new LinkedHashMap<>();
    Map<String, Long> pids = new LinkedHashMap<>();
    LocalProcesses processes = new LocalProcesses();
    List<URI> metricUrls = new ArrayList<>(metrics.orElse(List.of()));
    if (demoEnabled) {
      demo = DemoSystem.start(demoTraffic, demoProxyPort, demoOpsPort);
      servers.put(ToxiproxyServer.DEFAULT, demo.toxiproxyUrl().toString());
      processes.register("inventory", demo.processes().find(inventoryTarget()));
      pids.put("inventory", demo.inventoryPid());
      metricUrls.add(demo.metricsUrl());
      LOG.info(
          "demo pre-production: booking {}, metrics {}, fault proxy API {}, ops console {},"
              + " inventory pid {}",
          demo.bookingUrl(),
          demo.metricsUrl(),
          demo.toxiproxyUrl(),
          demo.opsUrl().resolve("/ops"),
          demo.inventoryPid());
    }
    for (String name : config.getPropertyNames()) {
      if (name.startsWith(TOXIPROXY)) {
        String server = unquote(name.substring(TOXIPROXY.length()));
        if (servers.containsKey(server)) {
          throw new IllegalStateException(
              "toxiproxy server " + server + " is configured twice (is it the demo's?)");
        }
        servers.put(server, config.getValue(name, String.class));
      } else if (name.startsWith(PROCESS)) {
        String process = unquote(name.substring(PROCESS.length()));
        long pid = config.getValue(name, Long.class);
        processes.register(process, LocalProcess.ofPid(pid));
        pids.put(process, pid);
      }
    }
    List<ToxiproxyServer> list = new ArrayList<>();
    servers.forEach((name, url) -> list.add(ToxiproxyServer.of(name, URI.create(url))));
    ToxiproxyServers toxiproxies = new ToxiproxyServers(list);
    wiring =
        new Wiring(
            toxiproxies,
            Map.copyOf(servers),
            processes,
            Map.copyOf(pids),
            List.copyOf(metricUrls),
            Agents.injectors(toxiproxies, processes),
            Agents.probes(metricSource(metricUrls), toxiproxies));
    return wiring;
  }

  private static MetricSource metricSource(List<URI> urls) {
    if (urls.isEmpty()) {
      return query -> {
        throw new IllegalStateException(
            "no metrics endpoint is configured (chaos.targets.metrics, serve --metrics URL)");
      };
    }
    return ScrapeMetricSource.of(urls.toArray(URI[]::new));
  }

  public Wiring wiring() {
    if (wiring == null) {
      throw new IllegalStateException("the targets are not wired yet");
    }
    return wiring;
  }

  public Optional<DemoSystem> demo() {
    return Optional.ofNullable(demo);
  }

  private static org.daysofchaos.core.Target inventoryTarget() {
    return new org.daysofchaos.core.Target("inventory", new ProcessTarget("inventory"));
  }

  private static String unquote(String name) {
    return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
        ? name.substring(1, name.length() - 1)
        : name;
  }

  @Override
  public synchronized void close() {
    if (demo != null) {
      demo.close();
      demo = null;
    }
  }
}
