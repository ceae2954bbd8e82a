package org.daysofchaos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;

/**
 * Crash to revert (issue 14, ADR 0018): the packaged server is killed with SIGKILL while a latency
 * toxic and a paused process it injected are in effect, and started again with the same command;
 * the time from the new JVM's exec to both faults being gone is measured, N times (-Dbench.crash
 * .restarts, 20), once with the revert inside Quarkus only ({@code -Dchaos.recovery.early=false},
 * "before") and once with the early recovery ("after"), the two alternating so that both see the
 * same load. The load average is reported beside the figures. See docs/benchmarks.md.
 */
public final class CrashBench {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration GONE_WITHIN = Duration.ofSeconds(180);

  private static final String TOXIC =
      """
      id: bench/crash-toxic
      title: Latency that outlives its server
      mode: time-boxed
      duration: 30m
      maxDuration: 1h
      targets:
        link: { proxy: bench }
      faults:
        - kind: network/latency
          target: link
          latency: 1ms
      steadyState:
        - kind: metric/threshold
          query: bench_up
          below: 2
      detection:
        signals:
          - kind: metric/threshold
            query: bench_up
            above: 2
      """;

  private static final String PAUSE =
      """
      id: bench/crash-pause
      title: A frozen process that outlives its server
      mode: time-boxed
      duration: 30m
      maxDuration: 1h
      targets:
        victim: { process: victim }
      faults:
        - kind: process/pause
          target: victim
      steadyState:
        - kind: metric/threshold
          query: bench_up
          below: 2
      detection:
        signals:
          - kind: metric/threshold
            query: bench_up
            above: 2
      """;

  /**
   * One way of recovering, with its own data directory, node and targets (a proxy and a process to
   * pause): a restart reverts only its own node's faults, so each mode must see only its own.
   */
  private static final class Mode implements AutoCloseable {
    final String name;
    final List<String> jvm;
    final Path folder;
    final Longs samples = new Longs();
    final Process victim;
    final ServerSocket upstream;
    final EmbeddedToxiproxy proxy;
    final Faults faults;
    final List<String> serve;

    Mode(String name, List<String> jvm, StaticMetrics metrics) throws IOException {
      this.name = name;
      this.jvm = jvm;
      folder = Files.createTempDirectory("chaos-crash-bench");
      victim = new ProcessBuilder("sleep", "86400").start();
      upstream = new ServerSocket(0);
      proxy = EmbeddedToxiproxy.start();
      proxy.createProxy("bench", "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
      faults = new Faults(proxy.apiUrl(), victim.pid());
      serve =
          List.of(
              "--toxiproxy",
              proxy.apiUrl().toString(),
              "--metrics",
              metrics.url(),
              "--process",
              "victim=" + victim.pid(),
              // Fixed: the restarts must find this node's ledger rows, whatever the port.
              "--node-id",
              "crash-bench-" + folder.getFileName());
    }

    BenchServer.Launched launch(Path jar) throws IOException {
      return BenchServer.launch(jar, folder, jvm, serve);
    }

    @Override
    public void close() throws Exception {
      try {
        faults.clear(victim);
      } finally {
        victim.destroyForcibly();
        proxy.close();
        upstream.close();
      }
    }
  }

  private CrashBench() {}

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args.length > 0 ? args[0] : "target/crash-bench.md");
    Path jar =
        Path.of(
            args.length > 1
                ? args[1]
                : System.getProperty(
                    "bench.server.jar", "scoreboard/target/scoreboard-0.1.0-SNAPSHOT-runner.jar"));
    int restarts = Integer.getInteger("bench.crash.restarts", 20);
    PrintStream out = System.out;
    List<String> jvm = BenchServer.jvmOptions();
    List<String> before = new ArrayList<>(jvm);
    before.add("-Dchaos.recovery.early=false");
    StaticMetrics metrics = StaticMetrics.start();
    Longs load = new Longs();
    try (Mode inQuarkus = new Mode("before (in Quarkus only)", before, metrics);
        Mode early = new Mode("after (early recovery)", jvm, metrics)) {
      List<Mode> modes = List.of(inQuarkus, early);
      for (Mode mode : modes) {
        BenchServer.Launched launched = mode.launch(jar);
        out.println(mode.name + ": server log " + mode.folder.resolve("server.log"));
        killedOnFailure(
            launched,
            () -> {
              BenchServer server = launched.awaitReady();
              server.gameMaster().post("/api/scenarios", TOXIC, "application/yaml");
              server.gameMaster().post("/api/scenarios", PAUSE, "application/yaml");
              injectAndKill(server, mode.faults);
            });
      }
      for (int i = 0; i < restarts; i++) {
        for (Mode mode : modes) {
          load.add(Math.round(loadAverage() * 100));
          BenchServer.Launched launched = mode.launch(jar);
          boolean last = i + 1 == restarts;
          int restart = i + 1;
          killedOnFailure(
              launched,
              () -> {
                long ms =
                    (mode.faults.awaitGone(launched.process()) - launched.startedNanos())
                        / 1_000_000;
                mode.samples.add(ms * 1000);
                BenchServer server = launched.awaitReady();
                out.printf(
                    Locale.ROOT,
                    "%s, restart %d: faults gone %d ms after exec%n",
                    mode.name,
                    restart,
                    ms);
                if (last) {
                  server.close();
                } else {
                  injectAndKill(server, mode.faults);
                }
              });
        }
      }
      String md = table(modes, restarts, load);
      out.print(md);
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, md);
    } finally {
      metrics.close();
    }
  }

  /** A step with a server running. */
  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  /** Runs the step; if it fails, the server goes too, so that no bench server outlives the run. */
  private static void killedOnFailure(BenchServer.Launched launched, Step step) throws Exception {
    try {
      step.run();
    } catch (Exception | Error e) {
      launched.process().destroyForcibly();
      throw e;
    }
  }

  /** Fires both scenarios, waits until both faults are in effect and active, then SIGKILL. */
  private static void injectAndKill(BenchServer server, Faults faults) throws Exception {
    Api api = server.gameMaster();
    api.post("/api/incidents", "{\"scenario\":\"bench/crash-toxic\"}", "application/json");
    api.post("/api/incidents", "{\"scenario\":\"bench/crash-pause\"}", "application/json");
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!(faults.bothIn() && activeRows(api) == 2)) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("the faults did not take effect within 60 s");
      }
      Thread.sleep(20);
    }
    server.kill();
  }

  private static long activeRows(Api api) throws Exception {
    long n = 0;
    for (JsonNode row : api.get("/api/ledger?open=true")) {
      n += row.get("state").asText().equals("ACTIVE") ? 1 : 0;
    }
    return n;
  }

  /** The two faults, as the bench sees them on its own proxy and its own process. */
  private record Faults(URI proxyApi, long pid) {
    boolean bothIn() throws Exception {
      return toxics() > 0 && stopped();
    }

    /** Polls every 5 ms until both faults are gone; returns System.nanoTime() then. */
    long awaitGone(Process server) throws Exception {
      long until = System.nanoTime() + GONE_WITHIN.toNanos();
      while (System.nanoTime() < until) {
        if (toxics() == 0 && !stopped()) {
          return System.nanoTime();
        }
        if (!server.isAlive()) {
          throw new IllegalStateException("the server exited with " + server.exitValue());
        }
        Thread.sleep(5);
      }
      throw new IllegalStateException("faults still in effect " + GONE_WITHIN + " after exec");
    }

    int toxics() throws Exception {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(proxyApi.resolve("/proxies/bench/toxics")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return Api.JSON.readTree(r.body()).size();
    }

    boolean stopped() throws IOException {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      return state.equals("T");
    }

    /** Whatever a failed round left goes, so that the machine is left as it was. */
    void clear(Process victim) throws Exception {
      for (JsonNode toxic :
          Api.JSON.readTree(
              HTTP.send(
                      HttpRequest.newBuilder(proxyApi.resolve("/proxies/bench/toxics"))
                          .GET()
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body())) {
        HTTP.send(
            HttpRequest.newBuilder(
                    proxyApi.resolve("/proxies/bench/toxics/" + toxic.get("name").asText()))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.discarding());
      }
      new ProcessBuilder("kill", "-CONT", Long.toString(victim.pid())).start().waitFor();
    }
  }

  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static String table(List<Mode> modes, int restarts, Longs load) {
    Longs sorted = new Longs();
    sorted.addAll(load);
    Distribution loads = Distribution.of(sorted);
    StringBuilder md = new StringBuilder("## Crash to revert\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Java %s, %s %s, %d cores; the packaged server on H2, SIGKILLed with a latency toxic and"
                + " a paused process in effect, started again %d times per column; time from the"
                + " restart's exec to both faults gone. Load average (1 min) at the restarts:"
                + " median %.2f, max %.2f.%n%n",
            System.getProperty("java.version"),
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            Runtime.getRuntime().availableProcessors(),
            restarts,
            loads.count() == 0 ? 0 : loads.percentile(0.5) / 100.0,
            loads.count() == 0 ? 0 : loads.max() / 100.0));
    md.append("| recovery | restarts | p50 | max |\n|---|---:|---:|---:|\n");
    for (Mode mode : modes) {
      Distribution d = Distribution.of(mode.samples);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s |%n",
              mode.name,
              d.count(),
              d.millis(0.5),
              d.millis(1)));
    }
    return md.append('\n').toString();
  }
}
