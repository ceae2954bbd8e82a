package org.daysofchaos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Benchmarks the host agents against the game-day server as users run them: the packaged server and
 * {@code bench.agents.count} (50) {@code chaos agent} processes on this machine, each allowed one
 * file. Every agent gets a {@code host/file-change} incident at once (fired through the API); the
 * bench reads the files themselves to see when every fault took effect, then calls halt-all and
 * sees when every file was back. See docs/benchmarks.md, "Host agents".
 */
public final class AgentBench {
  private static final String BROKEN = "broken\n";
  private static final String HEALTHY = "healthy\n";

  private AgentBench() {}

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args.length > 0 ? args[0] : "target/agent-bench.md");
    Path jar =
        Path.of(
            args.length > 1
                ? args[1]
                : System.getProperty(
                    "bench.server.jar", "scoreboard/target/scoreboard-0.1.0-SNAPSHOT-runner.jar"));
    int count = Integer.getInteger("bench.agents.count", 50);
    PrintStream out = System.out;
    Path dir = Files.createTempDirectory("chaos-agent-bench");
    List<Process> agents = new ArrayList<>();
    try (BenchServer server = BenchServer.start(jar, BenchServer.jvmOptions(), List.of())) {
      Api api = server.gameMaster();
      out.println("server log: " + server.log() + "; agents in " + dir);
      long t0 = System.nanoTime();
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = "bench-" + i;
        Path file = Files.writeString(dir.resolve(name + ".conf"), HEALTHY);
        files.add(file);
        String credential =
            api.post("/api/agents", "{\"name\": \"" + name + "\"}", "application/json")
                .get("credential")
                .asText();
        agents.add(startAgent(jar, dir, name, credential, server, file));
        api.post("/api/scenarios", scenario(name, server), "application/yaml");
      }
      awaitConnected(api, count);
      long connected = System.nanoTime() - t0;
      out.printf("%d agents connected %d ms after the first was started%n", count, ms(connected));

      ExecutorService pool = Executors.newFixedThreadPool(17);
      long fire = System.nanoTime();
      List<Future<?>> fired = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String body = "{\"scenario\": \"bench/agent-" + i + "\"}";
        fired.add(pool.submit(() -> api.post("/api/incidents", body, "application/json")));
      }
      for (Future<?> f : fired) {
        f.get();
      }
      long[] applied = awaitFiles(files, BROKEN, fire);
      out.printf(
          "all %d faults in effect %d ms after the first fire (median file %d ms)%n",
          count, ms(max(applied)), ms(median(applied)));

      // The files are read while the call runs: the agents revert before it answers.
      long halt = System.nanoTime();
      Future<long[]> back = pool.submit(() -> awaitFiles(files, HEALTHY, halt));
      JsonNode answer = api.post("/api/halt", "{\"reason\": \"bench\"}", "application/json");
      long answered = System.nanoTime() - halt;
      long[] reverted = back.get();
      pool.shutdownNow();
      api.post("/api/halt/release", "", "text/plain");
      out.printf(
          "halt-all answered in %d ms (server %d ms); every file back %d ms after the call"
              + " (median %d ms)%n",
          ms(answered), answer.get("millis").asLong(), ms(max(reverted)), ms(median(reverted)));

      String md =
          String.format(
              Locale.ROOT,
              "## Host agents%n%n"
                  + "%d `chaos agent` processes on this machine and the packaged server (H2),"
                  + " each agent allowed one file; one `host/file-change` incident per agent,"
                  + " fired at once through the API, then one halt-all. Times read from the files"
                  + " themselves.%n%n"
                  + "| agents | all connected | all faults in effect (median) | halt-all answer"
                  + " (server) | every file back (median) |%n"
                  + "|---|---|---|---|---|%n"
                  + "| %d | %d ms | %d ms (%d ms) | %d ms (%d ms) | %d ms (%d ms) |%n",
              count,
              count,
              ms(connected),
              ms(max(applied)),
              ms(median(applied)),
              ms(answered),
              answer.get("millis").asLong(),
              ms(max(reverted)),
              ms(median(reverted)));
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, md);
      out.println("written to " + report);
    } finally {
      for (Process agent : agents) {
        agent.destroy();
      }
      for (Process agent : agents) {
        agent.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static Process startAgent(
      Path jar, Path dir, String name, String credential, BenchServer server, Path file)
      throws Exception {
    Files.writeString(dir.resolve(name + ".credential"), credential + "\n");
    Path config =
        Files.writeString(
            dir.resolve(name + ".yaml"),
            """
            name: %1$s
            server: { url: "%2$s", credential: { fromFile: %1$s.credential } }
            state: %1$s-state
            lease: 5s
            allow:
              files:
                conf: { path: %3$s }
            """
                .formatted(name, server.base(), file));
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx48m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            jar.toAbsolutePath().toString(),
            "agent",
            "--config",
            config.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile())
        .start();
  }

  private static String scenario(String agent, BenchServer server) {
    return """
        id: bench/agent-%s
        title: A changed file on an agent's host
        mode: time-boxed
        duration: 10m
        targets:
          host: { agent: %s }
        faults:
          - kind: host/file-change
            target: host
            file: conf
            content: "broken\\n"
        steadyState:
          - kind: http/status
            url: %s
        """
        .formatted(
            agent.substring("bench-".length()), agent, server.base().resolve("/q/health/live"));
  }

  private static void awaitConnected(Api api, int count) throws Exception {
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < until) {
      int connected = 0;
      for (JsonNode agent : api.get("/api/agents")) {
        connected += agent.get("connected").asBoolean() ? 1 : 0;
      }
      if (connected == count) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("not every agent connected within 5 minutes");
  }

  /** When each file first held {@code text}, in nanoseconds after {@code since}. */
  private static long[] awaitFiles(List<Path> files, String text, long since) throws Exception {
    long[] at = new long[files.size()];
    int left = files.size();
    long until = since + TimeUnit.MINUTES.toNanos(2);
    while (left > 0 && System.nanoTime() < until) {
      for (int i = 0; i < files.size(); i++) {
        if (at[i] == 0 && text.equals(Files.readString(files.get(i)))) {
          at[i] = System.nanoTime() - since;
          left--;
        }
      }
      Thread.sleep(2);
    }
    if (left > 0) {
      throw new IllegalStateException(left + " file(s) never held " + text.strip());
    }
    return at;
  }

  private static long max(long[] values) {
    return java.util.Arrays.stream(values).max().orElse(0);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
