package org.daysofchaos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;

/**
 * Benchmarks the game-day server as users run it (the packaged jar, a separate JVM, H2 by default):
 * how precisely thousands of scheduled incidents fire (scheduled time against the moment the fault
 * took effect), and how long halt-all takes with hundreds of active faults. The faults are latency
 * toxics on an embedded fault proxy in this JVM; a static metrics endpoint keeps every steady state
 * healthy. See docs/benchmarks.md, "Game-day server".
 */
public final class ServerBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static final String BLIP =
      """
      id: bench/blip
      title: A one-second blip
      mode: time-boxed
      duration: 1s
      maxDuration: 1m
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
      recovery:
        holdFor: 100ms
        within: 5s
      """;

  private static final String HOLD =
      BLIP.replace("bench/blip", "bench/hold")
          .replace("duration: 1s", "duration: 10m")
          .replace("maxDuration: 1m", "maxDuration: 20m");

  private ServerBench() {}

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args.length > 0 ? args[0] : "target/server-bench.md");
    Path jar =
        Path.of(
            args.length > 1
                ? args[1]
                : System.getProperty(
                    "bench.server.jar", "scoreboard/target/scoreboard-0.1.0-SNAPSHOT-runner.jar"));
    int incidents = Integer.getInteger("bench.server.incidents", 2000);
    Duration spread = Duration.ofSeconds(Integer.getInteger("bench.server.spread", 60));
    Duration lead = Duration.ofSeconds(Integer.getInteger("bench.server.lead", 30));
    List<Integer> halts = parse(System.getProperty("bench.server.halt", "100,300"));
    int rounds = Integer.getInteger("bench.server.rounds", 3);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath()
              + " is missing; build it first: ./mvnw -q -pl scoreboard -am package -DskipTests");
    }

    StringBuilder md = new StringBuilder();
    PrintStream out = System.out;
    try (ServerSocket upstream = new ServerSocket(0);
        EmbeddedToxiproxy proxy = EmbeddedToxiproxy.start()) {
      proxy.createProxy("bench", "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
      HttpServer metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      metrics.createContext(
          "/metrics",
          exchange -> {
            byte[] body = "bench_up 1\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      metrics.start();
      Path data = Files.createTempDirectory("chaos-bench");
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      URI base = URI.create("http://127.0.0.1:" + port);
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-jar",
              jar.toAbsolutePath().toString(),
              "serve",
              "--port",
              Integer.toString(port),
              "--data-dir",
              data.resolve("data").toString(),
              "--toxiproxy",
              proxy.apiUrl().toString(),
              "--metrics",
              "http://127.0.0.1:" + metrics.getAddress().getPort() + "/metrics");
      Process server =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(data.resolve("server.log").toFile())
              .start();
      try {
        awaitUp(base, server);
        post(base, "/api/scenarios", BLIP, "application/yaml");
        post(base, "/api/scenarios", HOLD, "application/yaml");
        md.append("## Game-day server\n\n");
        md.append(
            String.format(
                Locale.ROOT,
                "Java %s, %s %s, %d cores; server: the packaged jar, H2 file database.%n%n",
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors()));
        md.append(firing(base, incidents, spread, lead, out));
        md.append(halt(base, proxy, halts, rounds, out));
      } finally {
        new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
        metrics.stop(0);
      }
      out.println(md);
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, md.toString());
      out.println("report written to " + report.toAbsolutePath());
      out.println("server log: " + data.resolve("server.log"));
    }
  }

  /** Thousands of one-off incidents spread over a window: scheduled time to fault in effect. */
  private static String firing(
      URI base, int incidents, Duration spread, Duration lead, PrintStream out) throws Exception {
    StringBuilder day =
        new StringBuilder(
            "id: bench-day\nname: Bench\nwindow: { lasts: 1h }\nteams: [bench]\nscenarios:\n");
    for (int i = 0; i < incidents; i++) {
      long at = lead.toMillis() + spread.toMillis() * i / incidents;
      day.append("  - {scenario: bench/blip, at: ").append(at).append("ms}\n");
    }
    post(base, "/api/gamedays", day.toString(), "application/yaml");
    long t0 = System.nanoTime();
    post(base, "/api/gamedays/bench-day/start", "", "text/plain");
    Duration start = Duration.ofNanos(System.nanoTime() - t0);
    out.printf("game day of %d incidents started in %d ms%n", incidents, start.toMillis());
    Instant deadline = Instant.now().plus(lead).plus(spread).plus(Duration.ofMinutes(3));
    List<JsonNode> all;
    while (true) {
      all = list(get(base, "/api/incidents?gameDay=bench-day&limit=100000"));
      long open =
          all.stream()
              .filter(i -> List.of("SCHEDULED", "RUNNING").contains(i.get("state").asText()))
              .count();
      if (open == 0 || Instant.now().isAfter(deadline)) {
        break;
      }
      Thread.sleep(1000);
    }
    List<Long> delays = new ArrayList<>();
    int missed = 0;
    int notPassed = 0;
    for (JsonNode i : all) {
      if (!i.get("state").asText().equals("CLOSED") || i.get("injectedAt").isNull()) {
        missed++;
        continue;
      }
      if (!"PASSED".equals(i.get("verdict").asText())) {
        notPassed++;
      }
      delays.add(
          Duration.between(
                  Instant.parse(i.get("scheduledAt").asText()),
                  Instant.parse(i.get("injectedAt").asText()))
              .toMillis());
    }
    Collections.sort(delays);
    String line =
        String.format(
            Locale.ROOT,
            "| %d over %d s (%.0f/s) | %d ms | %d | %d | %s | %s | %s | %s |%n",
            incidents,
            spread.toSeconds(),
            incidents / (double) spread.toSeconds(),
            start.toMillis(),
            missed,
            notPassed,
            pct(delays, 0.50),
            pct(delays, 0.90),
            pct(delays, 0.99),
            delays.isEmpty() ? "-" : delays.get(delays.size() - 1) + " ms");
    out.print(line);
    return "### Firing precision\n\n"
        + "Scheduled time of each incident against the moment its fault took effect (`t_inj`,"
        + " after the gate's probe and the toxic's creation through the proxy API).\n\n"
        + "| incidents | start of the game day | not fired | not PASSED | p50 | p90 | p99 | max |\n"
        + "|---|---|---|---|---|---|---|---|\n"
        + line
        + "\n";
  }

  /** Hundreds of active faults, then one halt-all call. */
  private static String halt(
      URI base, EmbeddedToxiproxy proxy, List<Integer> sizes, int rounds, PrintStream out)
      throws Exception {
    StringBuilder md =
        new StringBuilder(
            "### Halt-all\n\nActive latency toxics, each its own incident, then `POST /api/halt`:"
                + " the time until the call answered, the server's own figure, and the time until"
                + " the last toxic was gone from the proxy.\n\n"
                + "| active faults | round | answer | server | last toxic gone |\n"
                + "|---|---|---|---|---|\n");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int size : sizes) {
        for (int round = 1; round <= rounds; round++) {
          List<Future<?>> fired = new ArrayList<>();
          for (int i = 0; i < size; i++) {
            fired.add(
                pool.submit(
                    () ->
                        post(
                            base,
                            "/api/incidents",
                            "{\"scenario\": \"bench/hold\"}",
                            "application/json")));
          }
          for (Future<?> f : fired) {
            f.get();
          }
          Instant until = Instant.now().plusSeconds(120);
          while (active(base) < size && Instant.now().isBefore(until)) {
            Thread.sleep(100);
          }
          int before = toxics(proxy);
          long t0 = System.nanoTime();
          JsonNode answer = post(base, "/api/halt", "{\"reason\": \"bench\"}", "application/json");
          long answered = System.nanoTime() - t0;
          while (toxics(proxy) > 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(1);
          }
          long gone = System.nanoTime() - t0;
          post(base, "/api/halt/release", "", "text/plain");
          String line =
              String.format(
                  Locale.ROOT,
                  "| %d | %d | %d ms | %d ms | %d ms |%n",
                  before,
                  round,
                  answered / 1_000_000,
                  answer.get("millis").asLong(),
                  gone / 1_000_000);
          out.print(line);
          md.append(line);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return md.append('\n').toString();
  }

  private static int active(URI base) throws Exception {
    return (int)
        list(get(base, "/api/ledger?open=true")).stream()
            .filter(r -> r.get("state").asText().equals("ACTIVE"))
            .count();
  }

  private static int toxics(EmbeddedToxiproxy proxy) throws Exception {
    return get(proxy.apiUrl(), "/proxies/bench/toxics").size();
  }

  private static String pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return "-";
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) + " ms";
  }

  private static List<Integer> parse(String csv) {
    List<Integer> values = new ArrayList<>();
    for (String part : csv.split(",")) {
      values.add(Integer.parseInt(part.strip()));
    }
    return values;
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  private static void awaitUp(URI base, Process server) throws Exception {
    Instant until = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(until)) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the server exited with " + server.exitValue());
      }
      try {
        get(base, "/api/status");
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("the server did not start within 60 s");
  }

  private static JsonNode get(URI base, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static JsonNode post(URI base, String path, String body, String type)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("POST " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}
