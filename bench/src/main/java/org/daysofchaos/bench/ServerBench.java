package org.daysofchaos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * healthy. The bench signs in as the server's first game master, whose password it sets ({@link
 * BenchServer}). See docs/benchmarks.md, "Game-day server".
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
      StaticMetrics metrics = StaticMetrics.start();
      try (BenchServer server =
          BenchServer.start(
              jar,
              BenchServer.jvmOptions(),
              List.of("--toxiproxy", proxy.apiUrl().toString(), "--metrics", metrics.url()))) {
        out.println("server log: " + server.log());
        Api api = server.gameMaster();
        api.post("/api/scenarios", BLIP, "application/yaml");
        api.post("/api/scenarios", HOLD, "application/yaml");
        md.append("## Game-day server\n\n");
        md.append(
            String.format(
                Locale.ROOT,
                "Java %s, %s %s, %d cores; server: the packaged jar, H2 file database.%n%n",
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors()));
        md.append(firing(api, incidents, spread, lead, out));
        md.append(halt(api, proxy, halts, rounds, out));
      } finally {
        metrics.close();
      }
      out.println(md);
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, md.toString());
      out.println("report written to " + report.toAbsolutePath());
    }
  }

  /** Thousands of one-off incidents spread over a window: scheduled time to fault in effect. */
  private static String firing(
      Api api, int incidents, Duration spread, Duration lead, PrintStream out) throws Exception {
    StringBuilder day =
        new StringBuilder(
            "id: bench-day\nname: Bench\nwindow: { lasts: 1h }\nteams: [bench]\nscenarios:\n");
    for (int i = 0; i < incidents; i++) {
      long at = lead.toMillis() + spread.toMillis() * i / incidents;
      day.append("  - {scenario: bench/blip, at: ").append(at).append("ms}\n");
    }
    api.post("/api/gamedays", day.toString(), "application/yaml");
    long t0 = System.nanoTime();
    api.post("/api/gamedays/bench-day/start", "", "text/plain");
    Duration start = Duration.ofNanos(System.nanoTime() - t0);
    out.printf("game day of %d incidents started in %d ms%n", incidents, start.toMillis());
    Instant deadline = Instant.now().plus(lead).plus(spread).plus(Duration.ofMinutes(3));
    List<JsonNode> all;
    while (true) {
      all = list(api.get("/api/incidents?gameDay=bench-day&limit=100000"));
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
      Api api, EmbeddedToxiproxy proxy, List<Integer> sizes, int rounds, PrintStream out)
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
                        api.post(
                            "/api/incidents",
                            "{\"scenario\": \"bench/hold\"}",
                            "application/json")));
          }
          for (Future<?> f : fired) {
            f.get();
          }
          Instant until = Instant.now().plusSeconds(120);
          while (active(api) < size && Instant.now().isBefore(until)) {
            Thread.sleep(100);
          }
          int before = toxics(proxy);
          long t0 = System.nanoTime();
          JsonNode answer = api.post("/api/halt", "{\"reason\": \"bench\"}", "application/json");
          long answered = System.nanoTime() - t0;
          while (toxics(proxy) > 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(1);
          }
          long gone = System.nanoTime() - t0;
          api.post("/api/halt/release", "", "text/plain");
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

  private static int active(Api api) throws Exception {
    return (int)
        list(api.get("/api/ledger?open=true")).stream()
            .filter(r -> r.get("state").asText().equals("ACTIVE"))
            .count();
  }

  private static int toxics(EmbeddedToxiproxy proxy) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(proxy.apiUrl().resolve("/proxies/bench/toxics")).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).size();
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
}
