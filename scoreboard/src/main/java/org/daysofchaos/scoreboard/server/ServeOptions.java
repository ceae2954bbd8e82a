package org.daysofchaos.scoreboard.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daysofchaos.agents.metrics.MetricSources;
import org.daysofchaos.scoreboard.targets.NamedUrl;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of {@code chaos serve}. Each one is a shorthand for a configuration property
 * (docs/server.md), applied by {@link ChaosMain} before Quarkus starts, because the port, the data
 * directory and the database are fixed once the application has booted.
 */
public class ServeOptions {
  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Address the HTTP server listens on (quarkus.http.host; default 127.0.0.1).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port (quarkus.http.port; default 8080).")
  Integer port;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where the H2 database lives (chaos.data-dir; default .chaos in the working directory).")
  Path dataDir;

  @Option(
      names = "--demo",
      description =
          "Also start the embedded demo pre-production and load and start the demo game day"
              + " (chaos.demo.enabled).")
  boolean demo;

  @Option(
      names = "--demo-metrics-port",
      paramLabel = "PORT",
      description =
          "Where the demo's booking service and its /metrics listen (chaos.demo.metrics-port;"
              + " default "
              + DEMO_METRICS_PORT
              + " with --prometheus, so that your Prometheus can scrape it, else a free port).")
  Integer demoMetricsPort;

  /** The demo's metrics port when a Prometheus answers its probes: beside 8474 and 8475. */
  static final int DEMO_METRICS_PORT = 8476;

  @Option(
      names = "--environment",
      paramLabel = "FILE",
      description =
          "The environment file: every system a game day may touch and read (chaos.environment;"
              + " default: environment.yaml in the working directory, if there is one). See"
              + " docs/environment.md.")
  Path environment;

  @Option(
      names = "--gameday",
      paramLabel = "FILE",
      description =
          "A game-day file to load on start (repeatable; chaos.gamedays). A game day already"
              + " stored is not reset: a running one goes on, and a change to its file is reported,"
              + " not applied, until it is over.")
  List<Path> gamedays = new ArrayList<>();

  @Option(
      names = "--scenarios",
      paramLabel = "DIR",
      description =
          "A folder of scenario files to load on start, besides the shipped ones (repeatable;"
              + " chaos.scenarios.dirs).")
  List<Path> scenarioDirs = new ArrayList<>();

  @Option(
      names = "--toxiproxy",
      paramLabel = "[NAME=]URL",
      description =
          "A Toxiproxy server scenarios may target (repeatable; chaos.targets.toxiproxy.NAME)."
              + " Without NAME it is the default server.")
  List<String> toxiproxies = new ArrayList<>();

  @Option(
      names = "--process",
      paramLabel = "NAME=PID",
      description =
          "A local process scenarios may target (repeatable; chaos.targets.process.NAME).")
  Map<String, Long> processes = new LinkedHashMap<>();

  @Option(
      names = "--metrics",
      paramLabel = "URL",
      description =
          "A Prometheus text endpoint metric probes scrape (repeatable; chaos.targets.metrics).")
  List<String> metrics = new ArrayList<>();

  @Option(
      names = "--prometheus",
      paramLabel = "[NAME=]URL",
      converter = PrometheusUrl.class,
      description =
          "A Prometheus server metric probes query with PromQL (repeatable;"
              + " chaos.targets.prometheus.NAME). A probe picks it with source: NAME; without NAME"
              + " it answers the probes that name no source.")
  List<NamedUrl> prometheus = new ArrayList<>();

  /** Reads {@code --prometheus [NAME=]URL}; a URL without a name is the default source. */
  public static final class PrometheusUrl implements CommandLine.ITypeConverter<NamedUrl> {
    @Override
    public NamedUrl convert(String spec) {
      return NamedUrl.parse(spec, MetricSources.DEFAULT);
    }
  }

  @Option(
      names = "--node-id",
      paramLabel = "ID",
      description =
          "This server's name in a cluster (chaos.node.id; default HOST:PORT). It must stay the"
              + " same across restarts: a restarted node reverts what it left active.")
  String nodeId;

  /** The configuration properties these options stand for. */
  Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    if (host != null) {
      p.put("quarkus.http.host", host);
    }
    if (port != null) {
      p.put("quarkus.http.port", Integer.toString(port));
    }
    if (dataDir != null) {
      p.put("chaos.data-dir", dataDir.toAbsolutePath().normalize().toString());
    }
    if (demo) {
      p.put("chaos.demo.enabled", "true");
    }
    if (demoMetricsPort != null) {
      p.put("chaos.demo.metrics-port", Integer.toString(demoMetricsPort));
    } else if (demo && !prometheus.isEmpty()) {
      p.put("chaos.demo.metrics-port", Integer.toString(DEMO_METRICS_PORT));
    }
    if (environment != null) {
      p.put("chaos.environment", environment.toAbsolutePath().normalize().toString());
    }
    if (!gamedays.isEmpty()) {
      p.put("chaos.gamedays", join(gamedays));
    }
    if (!scenarioDirs.isEmpty()) {
      p.put("chaos.scenarios.dirs", join(scenarioDirs));
    }
    for (String spec : toxiproxies) {
      int eq = spec.indexOf('=');
      String name = eq > 0 ? spec.substring(0, eq) : "default";
      p.put("chaos.targets.toxiproxy." + name, eq > 0 ? spec.substring(eq + 1) : spec);
    }
    processes.forEach((name, pid) -> p.put("chaos.targets.process." + name, Long.toString(pid)));
    if (!metrics.isEmpty()) {
      p.put("chaos.targets.metrics", String.join(",", metrics));
    }
    for (NamedUrl server : prometheus) {
      p.put("chaos.targets.prometheus." + server.name(), server.url().toString());
    }
    if (nodeId != null) {
      p.put("chaos.node.id", nodeId);
    }
    return p;
  }

  private static String join(List<Path> paths) {
    return String.join(
        ",", paths.stream().map(f -> f.toAbsolutePath().normalize().toString()).toList());
  }
}
