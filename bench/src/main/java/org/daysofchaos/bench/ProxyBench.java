package org.daysofchaos.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.daysofchaos.agents.proxy.RawHttpClient;
import org.daysofchaos.agents.proxy.TestHttpServer;

/**
 * The embedded fault proxy, a real Toxiproxy ({@code -Dbench.toxiproxy.url=http://host:port}, its
 * proxy listening on {@code -Dbench.toxiproxy.listen}, default 127.0.0.1) and a direct connection,
 * measured in the same interleaved rounds against an in-process Netty HTTP/1.1 keep-alive server:
 *
 * <ol>
 *   <li>throughput kept with 16 keep-alive connections, 1 KiB and 100 KiB bodies, and each proxy's
 *       CPU time per request;
 *   <li>the latency one connection pays for going through a proxy;
 *   <li>the latency a 10 ms latency toxic adds;
 *   <li>through each server's HTTP API (the same raw keep-alive client for all): the add call, how
 *       soon {@code reset_peer} ends an open connection and a 1 ms {@code timeout} an idle one, and
 *       how soon a held response arrives once its latency toxic is removed.
 * </ol>
 *
 * <p>Every figure is given with its spread over the rounds (min–max of the per-round values).
 * Prints a Markdown report and writes it to the file given as first argument. Without {@code
 * bench.toxiproxy.url} only the embedded proxy is measured.
 */
public final class ProxyBench {
  private static final int CONNECTIONS = 16;
  private static final long WARM_UP_MILLIS = 300;
  private static final long MEASURE_MILLIS = Long.getLong("bench.measure.millis", 1_500);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  private static final int REPETITIONS = Integer.getInteger("bench.repetitions", 10);
  private static final int SINGLE_REQUESTS = 2_000;
  private static final int TOXIC_REQUESTS = 30;
  private static final List<String> BODIES = List.of("/1k", "/100k");

  /** Per-round values of one figure of one proxy. */
  private static final class Series {
    private final List<Longs> rounds = new ArrayList<>();

    void add(int round, long value) {
      while (rounds.size() <= round) {
        rounds.add(new Longs());
      }
      rounds.get(round).add(value);
    }

    long median() {
      Longs all = new Longs();
      rounds.forEach(all::addAll);
      return Distribution.of(all).percentile(0.5);
    }

    long p99() {
      Longs all = new Longs();
      rounds.forEach(all::addAll);
      return Distribution.of(all).percentile(0.99);
    }

    long[] roundMedians() {
      return rounds.stream()
          .filter(r -> r.size() > 0)
          .mapToLong(r -> Distribution.of(r).percentile(0.5))
          .sorted()
          .toArray();
    }

    int count() {
      return rounds.stream().mapToInt(Longs::size).sum();
    }
  }

  private record Load(long requests, long nanos, long cpuNanos, long[] latencies) {
    double requestsPerSecond() {
      return requests * 1e9 / nanos;
    }
  }

  private final StringBuilder report = new StringBuilder();
  private final Map<String, Series> figures = new LinkedHashMap<>();
  private final List<ProxyUnderTest> proxies = new ArrayList<>();
  private int missed;

  public static void main(String[] args) throws Exception {
    Path out = args.length > 0 ? Path.of(args[0]) : null;
    new ProxyBench().run(out);
  }

  /**
   * More embedded proxies, each in its own JVM with its own flags, measured in the same rounds:
   * {@code -Dbench.embedded.variants="NAME=FLAG FLAG;NAME=FLAG"}, to compare a change side by side.
   */
  private static Map<String, List<String>> variants() {
    Map<String, List<String>> variants = new LinkedHashMap<>();
    for (String entry : System.getProperty("bench.embedded.variants", "").split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "bench.embedded.variants: \"" + entry + "\" is not NAME=FLAGS (entries split by ;)");
      }
      variants.put(
          entry.substring(0, equals).trim(),
          List.of(entry.substring(equals + 1).trim().split("\\s+")));
    }
    return variants;
  }

  private Series series(String figure, String label) {
    return figures.computeIfAbsent(figure + "|" + label, k -> new Series());
  }

  private void run(Path out) throws Exception {
    long started = System.nanoTime();
    String loadBefore;
    try (TestHttpServer server = TestHttpServer.start(2)) {
      proxies.add(
          Boolean.parseBoolean(System.getProperty("bench.embedded.process", "true"))
              ? ProxyUnderTest.embeddedProcess("embedded", List.of(), server.hostPort())
              : ProxyUnderTest.embedded(server.hostPort()));
      for (Map.Entry<String, List<String>> variant : variants().entrySet()) {
        proxies.add(
            ProxyUnderTest.embeddedProcess(
                variant.getKey(), variant.getValue(), server.hostPort()));
      }
      String url = System.getProperty("bench.toxiproxy.url", "");
      if (!url.isBlank()) {
        String pid = System.getProperty("bench.toxiproxy.pid", "");
        proxies.add(
            ProxyUnderTest.external(
                null,
                URI.create(url.trim()),
                System.getProperty("bench.toxiproxy.listen", "127.0.0.1"),
                server.hostPort(),
                pid.isBlank() ? null : Long.parseLong(pid)));
      }
      try {
        // A first round, not counted, warms up the JIT of this JVM (client, server, proxy).
        round(0, server.address());
        figures.clear();
        missed = 0;
        loadBefore = loadAverage();
        System.err.printf(Locale.ROOT, "warm-up round done, load %s%n", loadBefore);
        for (int round = 0; round < ROUNDS; round++) {
          round(round, server.address());
          System.err.printf(
              Locale.ROOT, "round %d of %d done, load %s%n", round + 1, ROUNDS, loadAverage());
        }
      } finally {
        for (ProxyUnderTest proxy : proxies) {
          proxy.close();
        }
      }
    }
    writeReport(loadBefore, loadAverage(), (System.nanoTime() - started) / 1e9);
    System.out.println(report);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report, StandardCharsets.UTF_8);
      System.out.println("Written to " + out);
    }
  }

  /** One round of every measurement; the order of the proxies turns with the round. */
  private void round(int round, InetSocketAddress direct) throws Exception {
    List<ProxyUnderTest> order = new ArrayList<>(proxies);
    java.util.Collections.rotate(order, round);
    for (String body : BODIES) {
      throughput(round, body, direct, order);
    }
    single(round, direct, order);
    tenMillis(round, order);
    for (int i = 0; i < REPETITIONS; i++) {
      java.util.Collections.rotate(order, 1);
      for (ProxyUnderTest proxy : order) {
        resetPeer(round, proxy);
        timeout(round, proxy);
      }
    }
    removed(round, order);
  }

  // ---- 1. throughput ---------------------------------------------------------------------------

  private void throughput(
      int round, String body, InetSocketAddress direct, List<ProxyUnderTest> order)
      throws Exception {
    Load d = load(direct, body, null);
    series("direct req/s " + body, "direct").add(round, Math.round(d.requestsPerSecond()));
    for (ProxyUnderTest proxy : order) {
      Load p = load(proxy.data(), body, proxy.cpu());
      long ratio = Math.round(10_000 * p.requestsPerSecond() / d.requestsPerSecond());
      series("kept " + body, proxy.label()).add(round, ratio);
      series("req/s " + body, proxy.label()).add(round, Math.round(p.requestsPerSecond()));
      series("cpu " + body, proxy.label()).add(round, p.cpuNanos() / Math.max(1, p.requests()));
      for (long latency : p.latencies()) {
        series("load latency " + body, proxy.label()).add(round, latency);
      }
    }
  }

  /** 16 threads, one keep-alive connection each, as fast as they can. */
  private static Load load(InetSocketAddress target, String path, CpuClock cpu) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong count = new AtomicLong();
    CountDownLatch connected = new CountDownLatch(CONNECTIONS);
    List<Future<long[]>> results = new ArrayList<>();
    for (int i = 0; i < CONNECTIONS; i++) {
      results.add(
          threads.submit(
              () -> {
                Longs latencies = new Longs();
                long local = 0;
                try (RawHttpClient http = new RawHttpClient(target)) {
                  connected.countDown();
                  while (!stop.get()) {
                    long start = System.nanoTime();
                    http.getOk(path);
                    long took = System.nanoTime() - start;
                    if (measuring.get()) {
                      local++;
                      latencies.add(took);
                    }
                  }
                }
                count.addAndGet(local);
                return latencies.toArray();
              }));
    }
    connected.await(10, TimeUnit.SECONDS);
    Thread.sleep(WARM_UP_MILLIS);
    long cpuStart = cpu == null ? 0 : cpu.cpuNanos();
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(MEASURE_MILLIS);
    measuring.set(false);
    long elapsed = System.nanoTime() - start;
    long cpuUsed = cpu == null ? 0 : cpu.cpuNanos() - cpuStart;
    stop.set(true);
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> result : results) {
      all.add(result.get(30, TimeUnit.SECONDS));
    }
    threads.shutdown();
    long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
    return new Load(count.get(), elapsed, cpuUsed, merged);
  }

  // ---- 2. one connection -----------------------------------------------------------------------

  /** Direct and proxied requests interleaved one by one, so that load drift hits all alike. */
  private void single(int round, InetSocketAddress direct, List<ProxyUnderTest> order)
      throws IOException {
    List<RawHttpClient> clients = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    try {
      clients.add(new RawHttpClient(direct));
      labels.add("direct");
      for (ProxyUnderTest proxy : order) {
        clients.add(new RawHttpClient(proxy.data()));
        labels.add(proxy.label());
      }
      for (RawHttpClient client : clients) {
        for (int i = 0; i < 500; i++) {
          client.getOk("/1k");
        }
      }
      for (int i = 0; i < SINGLE_REQUESTS; i++) {
        for (int c = 0; c < clients.size(); c++) {
          long start = System.nanoTime();
          clients.get(c).getOk("/1k");
          series("single", labels.get(c)).add(round, System.nanoTime() - start);
        }
      }
    } finally {
      for (RawHttpClient client : clients) {
        client.close();
      }
    }
  }

  // ---- 3. a 10 ms latency toxic ----------------------------------------------------------------

  private void tenMillis(int round, List<ProxyUnderTest> order) throws Exception {
    List<RawHttpClient> clients = new ArrayList<>();
    try {
      for (ProxyUnderTest proxy : order) {
        proxy.addToxic(latency("ten_ms", 10));
        RawHttpClient client = new RawHttpClient(proxy.data());
        clients.add(client);
        client.getOk("/1k");
      }
      for (int i = 0; i < TOXIC_REQUESTS; i++) {
        for (int p = 0; p < order.size(); p++) {
          String label = order.get(p).label();
          long base = Distribution.of(series("single", label).rounds.get(round)).percentile(0.5);
          long start = System.nanoTime();
          clients.get(p).getOk("/1k");
          series("ten ms", label).add(round, System.nanoTime() - start - base);
        }
      }
    } finally {
      for (RawHttpClient client : clients) {
        client.close();
      }
      for (ProxyUnderTest proxy : order) {
        proxy.removeToxic("ten_ms");
      }
    }
  }

  // ---- 4. toxics on open connections, through the API ------------------------------------------

  private static String latency(String name, long millis) {
    return "{\"name\": \""
        + name
        + "\", \"type\": \"latency\", \"stream\": \"downstream\", \"attributes\": {\"latency\": "
        + millis
        + "}}";
  }

  private static String toxic(String name, String type, long timeout) {
    return "{\"name\": \""
        + name
        + "\", \"type\": \""
        + type
        + "\", \"stream\": \"downstream\", \"attributes\": {\"timeout\": "
        + timeout
        + "}}";
  }

  /** A warm keep-alive connection, then a short idle pause, as an open connection would be. */
  private static RawHttpClient openConnection(ProxyUnderTest proxy) throws Exception {
    RawHttpClient client = new RawHttpClient(proxy.data(), 10_000);
    for (int i = 0; i < 5; i++) {
      client.getOk("/1k");
    }
    Thread.sleep(5);
    return client;
  }

  /** Timed add call; the time is recorded as the API figure. */
  private long add(int round, ProxyUnderTest proxy, String json) throws IOException {
    long start = System.nanoTime();
    proxy.addToxic(json);
    series("api add", proxy.label()).add(round, System.nanoTime() - start);
    return start;
  }

  /** reset_peer (timeout 0) added; the next request on a connection opened before it fails. */
  private void resetPeer(int round, ProxyUnderTest proxy) throws Exception {
    try (RawHttpClient client = openConnection(proxy)) {
      long start = add(round, proxy, toxic("reset", "reset_peer", 0));
      long returned = System.nanoTime();
      try {
        client.get("/1k");
        missed++;
      } catch (IOException expected) {
        long seen = System.nanoTime();
        series("reset_peer", proxy.label()).add(round, seen - start);
        series("reset_peer after call", proxy.label()).add(round, seen - returned);
      }
    } finally {
      proxy.removeToxic("reset");
    }
  }

  /** A 1 ms timeout added; an idle connection opened before it sees its end. */
  private void timeout(int round, ProxyUnderTest proxy) throws Exception {
    try (RawHttpClient client = openConnection(proxy)) {
      long start = add(round, proxy, toxic("timeout", "timeout", 1));
      long returned = System.nanoTime();
      if (endOfStream(client.socket().getInputStream())) {
        long seen = System.nanoTime();
        series("timeout", proxy.label()).add(round, seen - start);
        series("timeout after call", proxy.label()).add(round, seen - returned);
      } else {
        missed++;
      }
    } finally {
      proxy.removeToxic("timeout");
    }
  }

  private static boolean endOfStream(InputStream in) {
    try {
      return in.read() < 0;
    } catch (IOException e) {
      return true; // reset
    }
  }

  /**
   * A 10 s latency toxic holds a response on an open connection; time from the remove call to the
   * response arriving.
   */
  private void removed(int round, List<ProxyUnderTest> order) throws Exception {
    for (int i = 0; i < REPETITIONS; i++) {
      java.util.Collections.rotate(order, 1);
      for (ProxyUnderTest proxy : order) {
        try (RawHttpClient client = openConnection(proxy)) {
          add(round, proxy, latency("freeze", 10_000));
          client.send("/1k");
          Thread.sleep(20);
          boolean held = client.socket().getInputStream().available() == 0;
          long start = System.nanoTime();
          proxy.removeToxic("freeze");
          client.receive();
          if (held) {
            series("removed", proxy.label()).add(round, System.nanoTime() - start);
          } else {
            missed++;
          }
        }
      }
    }
  }

  // ---- report ----------------------------------------------------------------------------------

  private void writeReport(String loadBefore, String loadAfter, double seconds) {
    line("# Embedded fault proxy against Toxiproxy, side by side");
    line("");
    line(
        "%d cores, Java %s, %s. Upstream: Netty HTTP/1.1 keep-alive server in the bench JVM (2"
            + " event loops). one warm-up round not counted, then %d rounds; in each, every measurement runs for direct, then each"
            + " proxy in an order that turns with the round. Load average before: %s; after: %s."
            + " Whole run: %.0f s.",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        ROUNDS,
        loadBefore,
        loadAfter,
        seconds);
    line("");
    for (ProxyUnderTest proxy : proxies) {
      line("- %s; CPU: %s.", proxy, proxy.cpu().describe());
    }
    line("");
    line("Figures: the median over all rounds, then (min–max of the per-round medians).");
    line("");
    StringBuilder head = new StringBuilder("| |");
    StringBuilder rule = new StringBuilder("|---|");
    for (ProxyUnderTest proxy : proxies) {
      head.append(' ').append(proxy.label()).append(" |");
      rule.append("---:|");
    }
    line("%s", head);
    line("%s", rule);
    for (String body : BODIES) {
      row(
          "throughput kept, 16 conns, " + size(body) + " (% of direct)",
          "kept " + body,
          v -> String.format(Locale.ROOT, "%.0f%%", v / 100.0));
    }
    for (String body : BODIES) {
      row("proxy CPU per request, " + size(body), "cpu " + body, ProxyBench::micros);
    }
    addedRow();
    row("10 ms latency toxic, added p50", "ten ms", ProxyBench::millis);
    row("API call adding a toxic, p50", "api add", ProxyBench::millis);
    row("reset_peer added → an open connection sees it, p50", "reset_peer", ProxyBench::millis);
    row("  (of which after the call returned)", "reset_peer after call", ProxyBench::millis);
    row("timeout 1 ms added → an idle connection closes, p50", "timeout", ProxyBench::millis);
    row("  (of which after the call returned)", "timeout after call", ProxyBench::millis);
    row("latency toxic removed → held response arrives, p50", "removed", ProxyBench::millis);
    line("");
    details();
  }

  private void addedRow() {
    Series direct = series("single", "direct");
    long[] directRounds = perRoundMedians(direct);
    StringBuilder row = new StringBuilder("| latency added, 1 connection, 1 KiB, p50 |");
    for (ProxyUnderTest proxy : proxies) {
      Series s = series("single", proxy.label());
      long[] proxyRounds = perRoundMedians(s);
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int r = 0; r < proxyRounds.length; r++) {
        long added = proxyRounds[r] - directRounds[r];
        min = Math.min(min, added);
        max = Math.max(max, added);
      }
      row.append(
          String.format(
              Locale.ROOT,
              " %s (%s–%s) |",
              micros(s.median() - direct.median()),
              micros(min),
              micros(max)));
    }
    line("%s", row);
  }

  /** Per-round medians in round order. */
  private static long[] perRoundMedians(Series s) {
    return s.rounds.stream().mapToLong(r -> Distribution.of(r).percentile(0.5)).toArray();
  }

  private interface Format {
    String apply(long value);
  }

  private void row(String label, String figure, Format format) {
    StringBuilder row = new StringBuilder("| ").append(label).append(" |");
    for (ProxyUnderTest proxy : proxies) {
      Series s = series(figure, proxy.label());
      if (s.count() == 0) {
        row.append(" – |");
        continue;
      }
      long[] rounds = s.roundMedians();
      row.append(
          String.format(
              Locale.ROOT,
              " %s (%s–%s) |",
              format.apply(s.median()),
              format.apply(rounds[0]),
              format.apply(rounds[rounds.length - 1])));
    }
    line("%s", row);
  }

  private void details() {
    line("## Details");
    line("");
    for (String body : BODIES) {
      line(
          "- %s, direct: %,d req/s (median of the rounds).",
          size(body), series("direct req/s " + body, "direct").median());
      for (ProxyUnderTest proxy : proxies) {
        Series latency = series("load latency " + body, proxy.label());
        line(
            "- %s, %s: %,d req/s; request latency under load p50 %s, p99 %s.",
            size(body),
            proxy.label(),
            series("req/s " + body, proxy.label()).median(),
            micros(latency.median()),
            micros(latency.p99()));
      }
    }
    Series direct = series("single", "direct");
    line(
        "- One connection, direct: p50 %s, p99 %s (%,d requests).",
        micros(direct.median()), micros(direct.p99()), direct.count());
    for (ProxyUnderTest proxy : proxies) {
      Series s = series("single", proxy.label());
      line(
          "- One connection, %s: p50 %s, p99 %s; 10 ms toxic added p99 %s.",
          proxy.label(),
          micros(s.median()),
          micros(s.p99()),
          millis(series("ten ms", proxy.label()).p99()));
      line(
          "- %s: samples: API add %d, reset_peer %d, timeout %d, removed %d.",
          proxy.label(),
          series("api add", proxy.label()).count(),
          series("reset_peer", proxy.label()).count(),
          series("timeout", proxy.label()).count(),
          series("removed", proxy.label()).count());
    }
    line("- Repetitions where the toxic was not (yet) in effect, left out: %d.", missed);
    line("");
  }

  private static String size(String body) {
    return body.equals("/1k") ? "1 KiB" : "100 KiB";
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static String micros(long nanos) {
    return String.format(Locale.ROOT, "%,.0f µs", nanos / 1e3);
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  private void line(String format, Object... args) {
    report.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
