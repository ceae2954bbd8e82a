package org.daysofchaos.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server start-up (issue 16): the packaged server is started N times (-Dbench.startup.runs, 5) in
 * four ways (a first start on a new H2 file and a restart on the same data, each without and with
 * {@code --demo}) for two jars side by side, "before" and "after", the two alternating run by run
 * so that both see the same load. For each start it takes the time from the JVM's exec until {@code
 * /q/health/ready} answers UP, the CPU time the JVM used by then, the server's own figure ("N ms
 * after the JVM started") and, when the server prints them, the phases of its start ({@code serving
 * N ms after the JVM started (cpu …): jvm=… early-recovery=… …}). It prints the median and the
 * maximum of each, side by side. See docs/benchmarks.md, "Server start-up".
 */
public final class StartupBench {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration READY_WITHIN = Duration.ofSeconds(180);
  private static final Pattern PHASES =
      Pattern.compile("serving (\\d+) ms after the JVM started(?: \\(cpu [^)]*\\))?:(.*)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) ms after the JVM started");
  private static final String READY = "ready (exec to UP)";
  private static final String CPU = "cpu at ready";
  private static final String REPORTED = "server's own figure";

  /** A jar and the JVM options it is started with. */
  record Variant(String name, Path jar, List<String> jvm) {}

  /** One way of starting: with or without the demo, on a new database or on the same one. */
  record Mode(String name, boolean demo, boolean restart) {}

  private static final List<Mode> MODES =
      List.of(
          new Mode("first start", false, false),
          new Mode("restart", false, true),
          new Mode("first start --demo", true, false),
          new Mode("restart --demo", true, true));

  private final Map<Mode, Map<String, Map<String, Longs>>> samples = new LinkedHashMap<>();
  private final Longs loads = new Longs();
  private final PrintStream out;

  private StartupBench(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args.length > 0 ? args[0] : "target/startup-bench.md");
    int runs = Integer.getInteger("bench.startup.runs", 5);
    List<Variant> variants = new ArrayList<>();
    for (String name : System.getProperty("bench.startup.variants", "before,after").split(",")) {
      String jar = System.getProperty("bench.startup." + name + ".jar");
      if (jar == null && name.equals("after")) {
        jar = args.length > 1 ? args[1] : "scoreboard/target/scoreboard-0.1.0-SNAPSHOT-runner.jar";
      }
      if (jar == null || jar.isBlank()) {
        continue;
      }
      List<String> jvm = new ArrayList<>(BenchServer.jvmOptions());
      if (!Boolean.getBoolean("bench.startup.configured-password")) {
        // As ./chaos serve: the first game master gets a one-time password, not the bench's one
        // (a later -D wins; a blank password is none). This bench never signs in.
        jvm.add("-Dchaos.security.admin.password=");
      }
      jvm.addAll(BenchServer.options(System.getProperty("bench.startup." + name + ".jvm", "")));
      variants.add(new Variant(name, Path.of(jar), jvm));
    }
    // -Dbench.startup.demo=false: without the two --demo starts, which take most of a run.
    List<Mode> fresh =
        Boolean.parseBoolean(System.getProperty("bench.startup.demo", "true"))
            ? List.of(MODES.get(0), MODES.get(2))
            : List.of(MODES.get(0));
    StartupBench bench = new StartupBench(System.out);
    for (int run = 0; run < runs; run++) {
      for (Mode first : fresh) {
        // Alternate which jar goes first, so that neither always starts on a warmer page cache.
        List<Variant> order = new ArrayList<>(variants);
        if (run % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (Variant variant : order) {
          bench.pair(variant, first, run);
        }
      }
    }
    String markdown = bench.report(runs, variants);
    System.out.println(markdown);
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, markdown);
  }

  /** A first start on a new folder, stopped, then a restart on the same folder. */
  private void pair(Variant variant, Mode fresh, int run) throws Exception {
    Path folder = Files.createTempDirectory("chaos-startup-" + variant.name() + "-");
    Mode restart = MODES.get(MODES.indexOf(fresh) + 1);
    for (Mode mode : List.of(fresh, restart)) {
      loads.add(Math.round(loadAverage() * 100));
      Map<String, Long> figures = start(variant, mode, folder);
      out.printf(
          Locale.ROOT, "run %d, %s, %s: %s%n", run + 1, variant.name(), mode.name(), figures);
      figures.forEach(
          (phase, ms) ->
              samples
                  .computeIfAbsent(mode, m -> new LinkedHashMap<>())
                  .computeIfAbsent(variant.name(), v -> new LinkedHashMap<>())
                  .computeIfAbsent(phase, p -> new Longs())
                  .add(ms));
    }
    out.println("  logs: " + folder.resolve("server.log"));
  }

  private Map<String, Long> start(Variant variant, Mode mode, Path folder) throws Exception {
    List<String> jvm = new ArrayList<>(variant.jvm());
    if (mode.demo()) {
      // Free ports for the demo's proxy and ops console: a `chaos serve --demo` may run beside.
      jvm.addAll(List.of("-Dchaos.demo.proxy-port=0", "-Dchaos.demo.ops-port=0"));
    }
    BenchServer.Launched launched =
        BenchServer.launch(variant.jar(), folder, jvm, mode.demo() ? List.of("--demo") : List.of());
    Process process = launched.process();
    Map<String, Long> figures = new LinkedHashMap<>();
    try {
      awaitReady(launched.awaitBase(), process);
      figures.put(READY, (System.nanoTime() - launched.startedNanos()) / 1_000_000);
      figures.put(
          CPU, process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO).toMillis());
      figures.putAll(serverFigures(launched));
    } finally {
      new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
    return figures;
  }

  private static void awaitReady(URI base, Process process) throws Exception {
    HttpRequest ready =
        HttpRequest.newBuilder(base.resolve("/q/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long until = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue());
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("the server was not ready within " + READY_WITHIN);
  }

  /** The server's own figures from its log, waiting a little for its start-up line. */
  private static Map<String, Long> serverFigures(BenchServer.Launched launched) throws Exception {
    Map<String, Long> figures = new LinkedHashMap<>();
    for (int i = 0; i < 100 && figures.isEmpty(); i++) {
      String text = launched.output();
      Matcher phases = PHASES.matcher(text);
      if (phases.find()) {
        figures.put(REPORTED, Long.parseLong(phases.group(1)));
        for (String pair : phases.group(2).trim().split("\\s+")) {
          String[] kv = pair.split("=");
          figures.put(kv[0], Long.parseLong(kv[1]));
        }
        return figures;
      }
      Matcher total = TOTAL.matcher(text);
      if (total.find() && i >= 20) {
        // An older server without the phase line: only its total.
        figures.put(REPORTED, Long.parseLong(total.group(1)));
      }
      Thread.sleep(50);
    }
    return figures;
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private String report(int runs, List<Variant> variants) {
    StringBuilder md = new StringBuilder("## Server start-up\n\n");
    Distribution load = Distribution.of(loads);
    md.append(
        String.format(
            Locale.ROOT,
            "%d run(s) per jar and way; load average (1 min) at the starts: median %.2f, max %.2f;"
                + " %d cores.%n%n",
            runs,
            load.percentile(0.5) / 100.0,
            load.max() / 100.0,
            Runtime.getRuntime().availableProcessors()));
    for (Variant v : variants) {
      md.append("- ")
          .append(v.name())
          .append(": `")
          .append(v.jar())
          .append("` ")
          .append(v.jvm())
          .append('\n');
    }
    for (Mode mode : MODES) {
      Map<String, Map<String, Longs>> byVariant = samples.getOrDefault(mode, Map.of());
      if (byVariant.isEmpty()) {
        continue; // not measured (bench.startup.demo=false)
      }
      Set<String> phases = new LinkedHashSet<>(List.of(READY, CPU, REPORTED));
      byVariant.values().forEach(m -> phases.addAll(m.keySet()));
      md.append("\n### ").append(mode.name()).append("\n\n| ms |");
      variants.forEach(
          v -> md.append(' ').append(v.name()).append(" p50 | ").append(v.name()).append(" max |"));
      md.append("\n|---|");
      variants.forEach(v -> md.append("---:|---:|"));
      md.append('\n');
      for (String phase : phases) {
        md.append("| ").append(phase).append(" |");
        for (Variant v : variants) {
          Longs values = byVariant.getOrDefault(v.name(), Map.of()).get(phase);
          if (values == null || values.size() == 0) {
            md.append(" - | - |");
          } else {
            Distribution d = Distribution.of(values);
            md.append(' ').append(d.percentile(0.5)).append(" | ").append(d.max()).append(" |");
          }
        }
        md.append('\n');
      }
    }
    return md.toString();
  }
}
