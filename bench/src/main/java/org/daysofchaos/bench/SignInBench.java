package org.daysofchaos.bench;

import java.io.PrintStream;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sign-in floods against the packaged server (issue 13, finding 6; docs/security.md):
 *
 * <ol>
 *   <li>one address with the shipped limits: how many password checks a minute get through, for one
 *       account and for a spray of unknown names;
 *   <li>a flood of password checks as if from many addresses (the per-address and per-account
 *       limits lifted): how long a signed-in read ({@code GET /api/gamedays}) takes meanwhile, with
 *       the shipped bound on checks in flight and without it.
 * </ol>
 */
public final class SignInBench {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final String PASSWORD = "bench-Passw0rd-kept-long";

  private SignInBench() {}

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args[0]);
    Path jar = Path.of(args[1]);
    int seconds = Integer.getInteger("bench.signin.seconds", 60);
    int threads = Integer.getInteger("bench.signin.threads", 32);
    PrintStream out = System.out;
    List<String> lines = new ArrayList<>();
    lines.add("| phase | figure |");
    lines.add("| --- | --- |");

    try (BenchServer server =
        BenchServer.start(
            jar,
            List.of(
                "-Dchaos.security.sign-in.per-address=30",
                "-Dchaos.security.sign-in.per-account=10"),
            List.of())) {
      out.println("server log: " + server.log());
      server.gameMaster().newAccount("target", "viewer", null, null, PASSWORD);
      ConcurrentHashMap<String, AtomicLong> counts = new ConcurrentHashMap<>();
      AtomicBoolean stop = new AtomicBoolean();
      Thread one = flood(server.base(), i -> "target", stop, counts, "one account ");
      Thread spray = flood(server.base(), i -> "nobody-" + i, stop, counts, "unknown names ");
      Thread.sleep(seconds * 1000L);
      stop.set(true);
      one.join();
      spray.join();
      lines.add(
          String.format(
              Locale.ROOT,
              "| one address, shipped limits, %d s | %s |",
              seconds,
              counts.entrySet().stream()
                  .sorted(java.util.Map.Entry.comparingByKey())
                  .map(e -> e.getKey() + ": " + e.getValue())
                  .toList()));
    }

    for (String bound : List.of("0", "1000")) {
      try (BenchServer server =
          BenchServer.start(
              jar,
              List.of(
                  "-Dchaos.security.sign-in.per-address=100000000",
                  "-Dchaos.security.sign-in.per-account=100000000",
                  "-Dchaos.security.sign-in.lockout-after=100000000",
                  "-Dchaos.security.sign-in.concurrent-checks=" + bound),
              List.of())) {
        server.gameMaster().newAccount("target", "viewer", null, null, PASSWORD);
        Api gm = server.gameMaster();
        Longs idle = reads(gm, Duration.ofSeconds(10));
        ConcurrentHashMap<String, AtomicLong> counts = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> flooders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          flooders.add(flood(server.base(), i -> "target", stop, counts, ""));
        }
        Longs busy = reads(gm, Duration.ofSeconds(seconds));
        stop.set(true);
        for (Thread t : flooders) {
          t.join();
        }
        Distribution before = Distribution.of(idle);
        Distribution during = Distribution.of(busy);
        lines.add(
            String.format(
                Locale.ROOT,
                "| %d flooding threads, checks in flight %s, %d s | GET /api/gamedays p50 %s, p95"
                    + " %s, max %s (idle: p50 %s, p95 %s); sign-in answers %s |",
                threads,
                bound.equals("0") ? "bounded (cores)" : "unbounded (" + bound + ")",
                seconds,
                during.millis(0.5),
                during.millis(0.95),
                during.millis(1),
                before.millis(0.5),
                before.millis(0.95),
                new java.util.TreeMap<>(counts)));
      }
    }
    String text = String.join("\n", lines) + "\n";
    out.print(text);
    Files.writeString(report, text);
  }

  /** Reads the game days as the game master, every 50 ms; the latencies in microseconds. */
  private static Longs reads(Api gm, Duration length) throws Exception {
    Longs samples = new Longs();
    long end = System.nanoTime() + length.toNanos();
    while (System.nanoTime() < end) {
      long t0 = System.nanoTime();
      gm.get("/api/gamedays");
      samples.add((System.nanoTime() - t0) / 1000);
      Thread.sleep(50);
    }
    return samples;
  }

  private interface Names {
    String name(long i);
  }

  /** A thread that signs in with wrong passwords until stopped, counting the answers' statuses. */
  private static Thread flood(
      URI base,
      Names names,
      AtomicBoolean stop,
      ConcurrentHashMap<String, AtomicLong> counts,
      String prefix) {
    Thread t =
        new Thread(
            () -> {
              long i = 0;
              while (!stop.get()) {
                String body =
                    "{\"username\": \"" + names.name(i) + "\", \"password\": \"wrong-" + i + "\"}";
                i++;
                try {
                  HttpResponse<Void> r =
                      HTTP.send(
                          HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                              .header("Content-Type", "application/json")
                              .timeout(Duration.ofSeconds(60))
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.discarding());
                  counts
                      .computeIfAbsent(prefix + r.statusCode(), k -> new AtomicLong())
                      .incrementAndGet();
                } catch (Exception e) {
                  counts.computeIfAbsent(prefix + "error", k -> new AtomicLong()).incrementAndGet();
                }
              }
            },
            "flood");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
