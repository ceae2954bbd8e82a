package org.daysofchaos.bench;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;
import org.daysofchaos.agents.proxy.ProxyHandle;
import org.daysofchaos.agents.proxy.RawHttpClient;
import org.daysofchaos.agents.proxy.TestHttpServer;

/**
 * The embedded fault proxy against a direct connection, in one run, against an in-process Netty
 * HTTP/1.1 keep-alive server:
 *
 * <ol>
 *   <li>throughput and latency with 16 keep-alive connections, 1 KiB and 100 KiB bodies;
 *   <li>the latency one connection pays for going through the proxy;
 *   <li>the precision of a 10 ms latency toxic;
 *   <li>how soon a toxic added through the HTTP API (toxiproxy-java) holds a request on an open
 *       connection, and how soon traffic passes again once it is removed.
 * </ol>
 *
 * <p>Prints a Markdown table, and writes it to the file given as first argument. {@code
 * -Dbench.sections=1,4} runs only some sections.
 */
public final class ProxyBench {
  private static final int CONNECTIONS = 16;
  private static final Duration WARM_UP = Duration.ofMillis(500);
  private static final Duration MEASURE = Duration.ofMillis(2_000);
  private static final int ROUNDS = 3;

  private record Duration(long millis) {
    static Duration ofMillis(long millis) {
      return new Duration(millis);
    }
  }

  /** Latencies in nanoseconds, sorted. */
  private record Samples(long[] sorted) {
    static Samples of(long[] values) {
      long[] copy = values.clone();
      Arrays.sort(copy);
      return new Samples(copy);
    }

    long percentile(double p) {
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    long median() {
      return percentile(0.5);
    }
  }

  private record Load(long requests, long nanos, long[] latencies) {
    double requestsPerSecond() {
      return requests * 1e9 / nanos;
    }

    Samples latency() {
      return Samples.of(latencies);
    }

    Load plus(Load other) {
      long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
      System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
      return new Load(requests + other.requests, nanos + other.nanos, all);
    }
  }

  private final StringBuilder report = new StringBuilder();

  public static void main(String[] args) throws Exception {
    Path out = args.length > 0 ? Path.of(args[0]) : null;
    new ProxyBench().run(out);
  }

  private void run(Path out) throws Exception {
    long started = System.nanoTime();
    try (TestHttpServer server = TestHttpServer.start(2);
        EmbeddedToxiproxy toxiproxy = EmbeddedToxiproxy.start()) {
      ProxyHandle handle = toxiproxy.createProxy("bench", "127.0.0.1:0", server.hostPort());
      InetSocketAddress direct = server.address();
      InetSocketAddress proxied = handle.listenAddress();
      ToxiproxyClient client = toxiproxy.client();
      Proxy proxy = client.getProxy("bench");

      line("# Embedded fault proxy benchmark");
      line("");
      line(
          "%s, %d cores, Java %s, %s; HTTP server: Netty, in process, 2 event loops; load: %d"
              + " threads with blocking keep-alive sockets; throughput: %d rounds of direct then"
              + " proxied, each %d ms warm-up then %d ms measured.",
          toxiproxy,
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          System.getProperty("os.name") + " " + System.getProperty("os.arch"),
          CONNECTIONS,
          ROUNDS,
          WARM_UP.millis(),
          MEASURE.millis());
      line("");

      String sections = System.getProperty("bench.sections", "1,2,3,4");
      Samples[] single = null;

      // 1. Throughput with 16 connections.
      if (sections.contains("1")) {
        line("## 1. Throughput, %d keep-alive connections, no toxic", CONNECTIONS);
        line("");
        line(
            "| body | direct req/s | proxied req/s | proxied/direct (rounds) | direct p50 / p99 |"
                + " proxied p50 / p99 |");
        line("|---|---:|---:|---:|---:|---:|");
        for (String path : List.of("/1k", "/100k")) {
          // Direct and proxied alternate, so that drift (other work on the machine) hits both.
          Load d = new Load(0, 0, new long[0]);
          Load p = new Load(0, 0, new long[0]);
          double minRatio = Double.MAX_VALUE;
          double maxRatio = 0;
          for (int round = 0; round < ROUNDS; round++) {
            Load dr = load(direct, path);
            Load pr = load(proxied, path);
            d = d.plus(dr);
            p = p.plus(pr);
            double ratio = pr.requestsPerSecond() / dr.requestsPerSecond();
            minRatio = Math.min(minRatio, ratio);
            maxRatio = Math.max(maxRatio, ratio);
          }
          line(
              "| %s | %,.0f | %,.0f | **%.0f%%** (%.0f–%.0f%%) | %s / %s | %s / %s |",
              path.equals("/1k") ? "1 KiB" : "100 KiB",
              d.requestsPerSecond(),
              p.requestsPerSecond(),
              100 * p.requestsPerSecond() / d.requestsPerSecond(),
              100 * minRatio,
              100 * maxRatio,
              micros(d.latency().median()),
              micros(d.latency().percentile(0.99)),
              micros(p.latency().median()),
              micros(p.latency().percentile(0.99)));
        }
        line("");
      }

      // 2. One connection: the latency the proxy adds.
      if (sections.contains("2") || sections.contains("3")) {
        single = alternate(direct, proxied, 10_000);
      }
      if (sections.contains("2")) {
        line("## 2. One connection, 1 KiB, no toxic, 10,000 requests each, interleaved");
        line("");
        line("| | p50 | p99 |");
        line("|---|---:|---:|");
        line(
            "| direct | %s | %s |", micros(single[0].median()), micros(single[0].percentile(0.99)));
        line(
            "| proxied | %s | %s |",
            micros(single[1].median()), micros(single[1].percentile(0.99)));
        line(
            "| **added by the proxy** | **%s** | %s |",
            micros(single[1].median() - single[0].median()),
            micros(single[1].percentile(0.99) - single[0].percentile(0.99)));
        line("");
      }

      // 3. A 10 ms latency toxic.
      if (sections.contains("3")) {
        line("## 3. Precision of a 10 ms latency toxic (downstream), one connection, 300 requests");
        line("");
        Latency latency = proxy.toxics().latency("ten_ms", ToxicDirection.DOWNSTREAM, 10);
        long[] withToxic;
        try (RawHttpClient http = new RawHttpClient(proxied)) {
          for (int i = 0; i < 20; i++) {
            http.getOk("/1k");
          }
          withToxic = timeRequests(http, "/1k", 300);
        } finally {
          latency.remove();
        }
        long base = single[1].median();
        long[] added = Arrays.stream(withToxic).map(t -> t - base).toArray();
        Samples addedSamples = Samples.of(added);
        line("| added latency | min | p50 | p99 | max |");
        line("|---|---:|---:|---:|---:|");
        line(
            "| 10 ms toxic | %s | **%s** | %s | %s |",
            millis(addedSamples.percentile(0)),
            millis(addedSamples.median()),
            millis(addedSamples.percentile(0.99)),
            millis(addedSamples.percentile(1)));
        line("");
      }

      // 4. Toxic on and off, on an open connection.
      if (sections.contains("4")) {
        line("## 4. A toxic on an open keep-alive connection, through the HTTP API");
        line("");
        Switch library =
            new Switch() {
              Latency toxic;

              @Override
              public void add() throws IOException {
                toxic = proxy.toxics().latency("freeze", ToxicDirection.DOWNSTREAM, 10_000);
              }

              @Override
              public void remove() throws IOException {
                toxic.remove();
              }
            };
        line("### toxiproxy-java, cold: the first calls of the API in this JVM");
        line("");
        onAndOff(library, proxied, 20);
        for (int i = 0; i < 500; i++) {
          proxy.toxics().latency("warm_up", ToxicDirection.UPSTREAM, 1).remove();
        }
        line("### toxiproxy-java, warm: after 500 untimed add and remove calls");
        line("");
        onAndOff(library, proxied, 60);
        try (RawHttpClient apiSocket =
            new RawHttpClient(new InetSocketAddress(toxiproxy.host(), toxiproxy.port()))) {
          Switch raw =
              new Switch() {
                @Override
                public void add() throws IOException {
                  expect(
                      200,
                      apiSocket.request(
                          "POST",
                          "/proxies/bench/toxics",
                          "{\"name\": \"freeze\", \"type\": \"latency\","
                              + " \"attributes\": {\"latency\": 10000}}"));
                }

                @Override
                public void remove() throws IOException {
                  expect(204, apiSocket.request("DELETE", "/proxies/bench/toxics/freeze", null));
                }
              };
          line("### Raw HTTP/1.1 on a keep-alive socket, warm: the server's share");
          line("");
          onAndOff(raw, proxied, 60);
        }
      }

      line("Whole run: %.0f s.", (System.nanoTime() - started) / 1e9);
    }
    System.out.println(report);
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report, StandardCharsets.UTF_8);
      System.out.println("Written to " + out);
    }
  }

  /** 16 threads, one keep-alive connection each, as fast as they can. */
  private Load load(InetSocketAddress target, String path) throws Exception {
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
                long[] latencies = new long[1 << 16];
                int n = 0;
                long local = 0;
                try (RawHttpClient http = new RawHttpClient(target)) {
                  connected.countDown();
                  while (!stop.get()) {
                    long start = System.nanoTime();
                    http.getOk(path);
                    long took = System.nanoTime() - start;
                    if (measuring.get()) {
                      local++;
                      if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                      }
                      latencies[n++] = took;
                    }
                  }
                }
                count.addAndGet(local);
                return Arrays.copyOf(latencies, n);
              }));
    }
    connected.await(10, TimeUnit.SECONDS);
    Thread.sleep(WARM_UP.millis());
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(MEASURE.millis());
    measuring.set(false);
    long elapsed = System.nanoTime() - start;
    stop.set(true);
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> result : results) {
      all.add(result.get(30, TimeUnit.SECONDS));
    }
    threads.shutdown();
    long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
    return new Load(count.get(), elapsed, merged);
  }

  /**
   * Direct and proxied requests interleaved one by one, so that whatever else the machine does
   * affects both alike.
   */
  private static Samples[] alternate(InetSocketAddress direct, InetSocketAddress proxied, int pairs)
      throws IOException {
    long[] d = new long[pairs];
    long[] p = new long[pairs];
    try (RawHttpClient directHttp = new RawHttpClient(direct);
        RawHttpClient proxiedHttp = new RawHttpClient(proxied)) {
      timeRequests(directHttp, "/1k", 2_000);
      timeRequests(proxiedHttp, "/1k", 2_000);
      for (int i = 0; i < pairs; i++) {
        long start = System.nanoTime();
        directHttp.getOk("/1k");
        long middle = System.nanoTime();
        proxiedHttp.getOk("/1k");
        long end = System.nanoTime();
        d[i] = middle - start;
        p[i] = end - middle;
      }
    }
    return new Samples[] {Samples.of(d), Samples.of(p)};
  }

  private static long[] timeRequests(RawHttpClient http, String path, int count)
      throws IOException {
    long[] samples = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      http.getOk(path);
      samples[i] = System.nanoTime() - start;
    }
    return samples;
  }

  /** Adds and removes a 10 s downstream latency toxic through the API. */
  private interface Switch {
    void add() throws IOException;

    void remove() throws IOException;
  }

  private static void expect(int status, RawHttpClient.Response response) throws IOException {
    if (response.status() != status) {
      throw new IOException("the API answered " + response.status() + " instead of " + status);
    }
  }

  /**
   * Each repetition: add a 10 s latency toxic through the API, send a request on an open connection
   * right after the call returns, check 20 ms later that it is held, remove the toxic through the
   * API and time until the held response arrives.
   */
  private void onAndOff(Switch toxic, InetSocketAddress proxied, int repetitions) throws Exception {
    long[] addCall = new long[repetitions];
    long[] seen = new long[repetitions];
    long[] removeCall = new long[repetitions];
    long[] passing = new long[repetitions];
    int held = 0;
    ExecutorService prober = Executors.newSingleThreadExecutor();
    try (RawHttpClient http = new RawHttpClient(proxied, 30_000)) {
      timeRequests(http, "/1k", 200);
      for (int i = 0; i < repetitions; i++) {
        long t0 = System.nanoTime();
        toxic.add();
        long t1 = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        Future<Long> answered =
            prober.submit(
                () -> {
                  sent.set(System.nanoTime());
                  http.getOk("/1k");
                  return System.nanoTime();
                });
        Thread.sleep(20);
        if (!answered.isDone()) {
          held++;
        }
        long t2 = System.nanoTime();
        toxic.remove();
        long t3 = System.nanoTime();
        long arrived = answered.get(15, TimeUnit.SECONDS);
        addCall[i] = t1 - t0;
        seen[i] = sent.get() - t0;
        removeCall[i] = t3 - t2;
        passing[i] = arrived - t2;
        timeRequests(http, "/1k", 5);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      prober.shutdownNow();
    }
    line(
        "%d repetitions; in %d of them the request sent just after the API call returned was held"
            + " by the toxic.",
        repetitions, held);
    line("");
    line("| | p50 | p90 | max |");
    line("|---|---:|---:|---:|");
    row("API call adding the toxic (round trip)", addCall);
    row("**from the add call to a request that is held**", seen);
    row("API call removing the toxic (round trip)", removeCall);
    row("**from the remove call to the held response arriving**", passing);
    line("");
  }

  private void row(String label, long[] nanos) {
    Samples s = Samples.of(nanos);
    line(
        "| %s | %s | %s | %s |",
        label, micros(s.median()), micros(s.percentile(0.9)), micros(s.percentile(1)));
  }

  private static String micros(long nanos) {
    return String.format(Locale.ROOT, "%,d µs", Math.round(nanos / 1e3));
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }

  private void line(String format, Object... args) {
    report.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
