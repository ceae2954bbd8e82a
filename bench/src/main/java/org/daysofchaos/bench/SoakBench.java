package org.daysofchaos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;

/**
 * The soak (issue 14): an eight-hour game day compressed into {@code -Dsoak.minutes} (30): twenty
 * incidents, ten teams of five bot players submitting through the API, 200 people watching the
 * board's live stream, and the game's own alerts sent through a real Alertmanager; on H2 ({@code
 * -Dsoak.db=h2}) or on two server nodes sharing one PostgreSQL ({@code -Dsoak.db=pg}). It reports:
 * every incident fired once, none left injected, the delay from each scoring event to every viewer,
 * the servers' memory and threads at the start, middle and end, the database's size, and the
 * incidents that aborted and why. See docs/benchmarks.md, "Soak".
 *
 * <p>Each incident puts a latency toxic on an embedded fault proxy in this JVM; the players' script
 * is {@link TeamPlayer}'s (claim, two wrong diagnoses, the right one, a false claim now and then).
 * In a cluster, players and viewers are spread over both nodes.
 */
public final class SoakBench {
  private static final String PASSWORD = "Soak-Player-Passw0rd-4471";
  private static final String DAY = "soak";
  private static final String ALERT = "SoakLatencyHigh";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The run's shape, from system properties. */
  record Settings(
      String db,
      Duration length,
      int incidents,
      int teams,
      int playersPerTeam,
      int viewers,
      Duration playPeriod) {
    static Settings read() {
      String db = System.getProperty("soak.db", "h2");
      if (!db.equals("h2") && !db.equals("pg")) {
        throw new IllegalArgumentException("soak.db: '" + db + "' is neither h2 nor pg");
      }
      return new Settings(
          db,
          Duration.ofSeconds(
              Math.round(Double.parseDouble(System.getProperty("soak.minutes", "30")) * 60)),
          Integer.getInteger("soak.incidents", 20),
          Integer.getInteger("soak.teams", 10),
          Integer.getInteger("soak.players", 5),
          Integer.getInteger("soak.viewers", 200),
          Duration.ofMillis(Integer.getInteger("soak.play-period-ms", 10_000)));
    }

    /**
     * Time between two incidents: the first fires after 30 s, the last ends 30 s before the end.
     */
    Duration spacing() {
      return length.minusSeconds(60).dividedBy(incidents);
    }

    /** How long each fault lasts: 60 % of the spacing, so that incidents never overlap. */
    Duration fault() {
      return Duration.ofSeconds(Math.max(5, spacing().toSeconds() * 6 / 10));
    }
  }

  private final Settings settings;
  private final List<BenchServer> nodes;
  private final Api gameMaster;
  private final PrintStream out;
  private final List<String> names = new ArrayList<>();

  private SoakBench(Settings settings, List<BenchServer> nodes, PrintStream out) {
    this.settings = settings;
    this.nodes = nodes;
    this.gameMaster = nodes.get(0).gameMaster();
    this.out = out;
    for (int t = 1; t <= settings.teams(); t++) {
      names.add(String.format(Locale.ROOT, "team%02d", t));
    }
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.read();
    Path report = Path.of(args.length > 0 ? args[0] : "target/soak-" + settings.db() + ".md");
    String jarName = "scoreboard-0.1.0-SNAPSHOT-" + (settings.db().equals("pg") ? "pg-" : "");
    Path jar =
        Path.of(
            args.length > 1
                ? args[1]
                : System.getProperty(
                    "bench.server.jar", "scoreboard/target/" + jarName + "runner.jar"));
    PrintStream out = System.out;
    String database = "soak_" + System.currentTimeMillis();
    Path folder = Files.createTempDirectory("chaos-soak");
    List<BenchServer> nodes = new ArrayList<>();
    StaticMetrics metrics = StaticMetrics.start();
    try (ServerSocket upstream = new ServerSocket(0);
        EmbeddedToxiproxy proxy = EmbeddedToxiproxy.start()) {
      proxy.createProxy("bench", "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
      List<String> jvm = new ArrayList<>(BenchServer.jvmOptions());
      List<String> serve =
          List.of("--toxiproxy", proxy.apiUrl().toString(), "--metrics", metrics.url());
      if (settings.db().equals("pg")) {
        psql("postgres", "create database " + database);
        jvm.add("-Dquarkus.profile=pg");
        jvm.add("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + database);
        nodes.add(BenchServer.start(jar, jvm, withNode(serve, "soak-1")));
        nodes.add(BenchServer.join(nodes.get(0), jar, jvm, withNode(serve, "soak-2")));
      } else {
        nodes.add(BenchServer.start(jar, jvm, serve));
      }
      nodes.forEach(n -> out.println("server log: " + n.log()));
      String md = new SoakBench(settings, nodes, out).run(proxy, folder, database);
      out.println(md);
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, md);
      out.println("report written to " + report.toAbsolutePath());
    } finally {
      for (BenchServer node : nodes) {
        node.close();
      }
      metrics.close();
      if (settings.db().equals("pg") && !Boolean.getBoolean("soak.keep-db")) {
        psql("postgres", "drop database if exists " + database);
      }
    }
  }

  private static List<String> withNode(List<String> serve, String node) {
    return Stream.concat(serve.stream(), Stream.of("--node-id", node)).toList();
  }

  private String run(EmbeddedToxiproxy proxy, Path folder, String database) throws Exception {
    gameMaster.post("/api/scenarios", scenario(), "application/yaml");
    String token =
        gameMaster
            .post("/api/alerts/senders", Api.JSON.createObjectNode().put("name", "soak-monitoring"))
            .path("token")
            .asText();
    List<URI> webhooks = nodes.stream().map(BenchServer::base).toList();
    try (SoakAlertmanager alertmanager =
        SoakAlertmanager.start(folder.resolve("alertmanager"), webhooks, token)) {
      return play(proxy, alertmanager, database);
    }
  }

  private String scenario() {
    return """
        id: soak/latency
        title: Payments slow down for a while
        weight: 5
        mode: time-boxed
        duration: %ds
        maxDuration: %ds
        targets:
          link: { proxy: bench }
        faults:
          - kind: network/latency
            target: link
            latency: 5ms
        steadyState:
          - kind: metric/threshold
            query: bench_up
            below: 2
        detection:
          alerts: [%s]
          services: [booking]
        recovery:
          holdFor: 1s
          within: 30s
        diagnosis:
          component: payment
          fault: latency
        """
        .formatted(settings.fault().toSeconds(), settings.fault().toSeconds() * 2, ALERT);
  }

  private String gameDay() {
    StringBuilder yaml =
        new StringBuilder("id: " + DAY + "\nname: Soak\nwindow: { lasts: ")
            .append(settings.length().toMinutes() + 10)
            .append("m }\nteams: [")
            .append(String.join(", ", names))
            .append("]\nscenarios:\n");
    for (int i = 0; i < settings.incidents(); i++) {
      long at = 30_000 + i * settings.spacing().toMillis();
      yaml.append("  - {scenario: soak/latency, at: ").append(at).append("ms}\n");
    }
    return yaml.toString();
  }

  private String play(EmbeddedToxiproxy proxy, SoakAlertmanager alertmanager, String database)
      throws Exception {
    gameMaster.post("/api/gamedays", gameDay(), "application/yaml");
    gameMaster.newAccount("soak-viewer", "viewer", null, null, PASSWORD);
    List<List<Api>> players = players();
    ExecutorService streams = Executors.newFixedThreadPool(4, daemon("viewers"));
    HttpClient watchers =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(streams)
            .build();
    Viewer.Boards boards = new Viewer.Boards(names);
    List<Viewer> viewers = new ArrayList<>();
    List<Api> viewerAccounts = new ArrayList<>();
    for (BenchServer node : nodes) {
      viewerAccounts.add(Api.login(node.base(), "soak-viewer", PASSWORD));
    }
    gameMaster.post("/api/gamedays/" + DAY + "/start", "", "text/plain");
    for (int v = 0; v < settings.viewers(); v++) {
      viewers.add(Viewer.open(watchers, viewerAccounts.get(v % nodes.size()), DAY, boards));
    }
    awaitFirstBoards(viewers);
    int connected = (int) viewers.stream().filter(Viewer::isOpen).count();

    List<Sampled> samples = new ArrayList<>();
    samples.add(sample("start", database));
    IncidentWatch watch = new IncidentWatch(alertmanager);
    Thread watcher = new Thread(watch, "incident-watch");
    watcher.setDaemon(true);
    watcher.start();

    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    long end = t0 + settings.length().toNanos();
    long period = settings.playPeriod().toNanos();
    List<TeamPlayer> bots = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    int all = settings.teams() * settings.playersPerTeam();
    for (int t = 0; t < settings.teams(); t++) {
      for (int p = 0; p < settings.playersPerTeam(); p++) {
        int k = t * settings.playersPerTeam() + p;
        TeamPlayer bot =
            new TeamPlayer(http, players.get(t).get(p), t0 + k * period / all, end, period);
        bots.add(bot);
        Thread thread = new Thread(bot, "player-" + names.get(t) + "-" + p);
        threads.add(thread);
        thread.start();
      }
    }
    out.printf(
        "playing for %d min: %d incidents every %d s (faults of %d s), %d players, %d viewers"
            + " connected%n",
        settings.length().toMinutes(),
        settings.incidents(),
        settings.spacing().toSeconds(),
        settings.fault().toSeconds(),
        all,
        connected);
    long middle = t0 + settings.length().toNanos() / 2;
    TimeUnit.NANOSECONDS.sleep(Math.max(0, middle - System.nanoTime()));
    samples.add(sample("middle", database));
    for (Thread thread : threads) {
      thread.join();
    }
    awaitClosed();
    watch.stop();
    BoardCounts last = BoardCounts.read(gameMaster.get("/api/gamedays/" + DAY + "/board"), names);
    awaitCaughtUp(viewers, last);
    int stillOpen = (int) viewers.stream().filter(Viewer::isOpen).count();
    samples.add(sample("end", database));
    Findings findings = findings(proxy, bots, viewers, watch);
    viewers.forEach(Viewer::close);
    streams.shutdownNow();
    return report(findings, samples, connected, stillOpen);
  }

  /** The players of each team, past their first sign-in, spread over the nodes. */
  private List<List<Api>> players() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<List<CompletableFuture<Api>>> created = new ArrayList<>();
      int k = 0;
      for (String team : names) {
        List<CompletableFuture<Api>> members = new ArrayList<>();
        for (int p = 0; p < settings.playersPerTeam(); p++) {
          String user = team + "-p" + p;
          URI node = nodes.get(k++ % nodes.size()).base();
          members.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      gameMaster.newAccount(user, "player", DAY, team, PASSWORD);
                      return Api.login(node, user, PASSWORD);
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new IllegalStateException(e);
                    }
                  },
                  pool));
        }
        created.add(members);
      }
      List<List<Api>> teams = new ArrayList<>();
      for (List<CompletableFuture<Api>> members : created) {
        List<Api> accounts = new ArrayList<>();
        for (CompletableFuture<Api> f : members) {
          accounts.add(f.get());
        }
        teams.add(accounts);
      }
      return teams;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The game's monitoring: when an incident's fault takes effect, its alert goes to Alertmanager
   * (as a Prometheus rule would send it), once per incident.
   */
  private final class IncidentWatch implements Runnable {
    private final SoakAlertmanager alertmanager;
    private final Set<String> alerted = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    private volatile boolean running = true;

    IncidentWatch(SoakAlertmanager alertmanager) {
      this.alertmanager = alertmanager;
    }

    @Override
    public void run() {
      while (running) {
        try {
          for (JsonNode i : gameMaster.get("/api/incidents?gameDay=" + DAY + "&limit=1000")) {
            String id = i.path("id").asText();
            if (i.path("state").asText().equals("RUNNING")
                && !i.path("injectedAt").isNull()
                && alerted.add(id)) {
              alertmanager.fire(ALERT, id, settings.fault());
            }
          }
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        } catch (IOException | RuntimeException e) {
          synchronized (failures) {
            failures.add(e.toString());
          }
        }
      }
    }

    void stop() {
      running = false;
    }

    int alerted() {
      return alerted.size();
    }

    List<String> failures() {
      synchronized (failures) {
        return List.copyOf(failures);
      }
    }
  }

  /** The servers' memory and threads, the database's size and the load, at one moment. */
  record Sampled(String label, List<ProcessSample> nodes, long dbBytes, double loadAverage) {}

  private Sampled sample(String label, String database) {
    List<ProcessSample> each = new ArrayList<>();
    for (BenchServer node : nodes) {
      each.add(ProcessSample.of(label, node.pid()));
    }
    return new Sampled(label, each, dbBytes(database), each.get(0).loadAverage());
  }

  private long dbBytes(String database) {
    try {
      if (settings.db().equals("pg")) {
        return Long.parseLong(
            psql(database, "select pg_database_size(current_database())").strip());
      }
      try (Stream<Path> files = Files.walk(nodes.get(0).folder().resolve("data"))) {
        return files
            .filter(Files::isRegularFile)
            .filter(f -> f.getFileName().toString().endsWith(".db"))
            .mapToLong(f -> f.toFile().length())
            .sum();
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      out.println("  database size unknown: " + e);
      return -1;
    }
  }

  private static String psql(String database, String sql) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-tAc", sql)
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("psql " + sql + ": " + output);
    }
    return output;
  }

  /** Waits until no incident of the day is scheduled or running (or 5 minutes). */
  private void awaitClosed() throws Exception {
    Instant until = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(until)) {
      boolean open = false;
      for (JsonNode i : gameMaster.get("/api/incidents?gameDay=" + DAY + "&limit=1000")) {
        String state = i.path("state").asText();
        open |= state.equals("RUNNING") || state.equals("SCHEDULED");
      }
      if (!open) {
        return;
      }
      Thread.sleep(1000);
    }
    out.println("  some incidents were still open 5 minutes after the plays ended");
  }

  private void awaitFirstBoards(List<Viewer> viewers) throws Exception {
    try {
      CompletableFuture.allOf(
              viewers.stream().map(Viewer::firstBoard).toArray(CompletableFuture[]::new))
          .get(120, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      out.println("  not every viewer received a first board within 120 s");
    }
  }

  private void awaitCaughtUp(List<Viewer> viewers, BoardCounts last) throws InterruptedException {
    Instant until = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(until)) {
      if (viewers.stream().allMatch(v -> !v.isOpen() || v.receipts().reached(last))) {
        return;
      }
      Thread.sleep(50);
    }
    out.println("  some viewers did not receive the final board within 30 s");
  }

  /** What the run left behind, read back from the servers, the proxy and the bots. */
  record Findings(
      int fired,
      Map<Integer, Integer> perSlot,
      Map<String, Integer> states,
      Map<String, Integer> verdicts,
      List<String> aborted,
      List<String> leftInjected,
      int toxicsLeft,
      int alertDetected,
      int alertsSent,
      List<String> watchFailures,
      int sent,
      int acknowledged,
      Map<String, Integer> refused,
      Distribution latency,
      int events,
      Distribution toViewer,
      long undelivered) {}

  private Findings findings(
      EmbeddedToxiproxy proxy, List<TeamPlayer> bots, List<Viewer> viewers, IncidentWatch watch)
      throws Exception {
    Map<Integer, Integer> perSlot = new TreeMap<>();
    Map<String, Integer> states = new TreeMap<>();
    Map<String, Integer> verdicts = new TreeMap<>();
    List<String> aborted = new ArrayList<>();
    List<String> leftInjected = new ArrayList<>();
    int fired = 0;
    for (JsonNode i : gameMaster.get("/api/incidents?gameDay=" + DAY + "&limit=1000")) {
      String id = i.path("id").asText();
      states.merge(i.path("state").asText(), 1, Integer::sum);
      verdicts.merge(i.path("verdict").asText("-"), 1, Integer::sum);
      if (!i.path("injectedAt").isNull()) {
        fired++;
        perSlot.merge(i.path("slot").asInt(), 1, Integer::sum);
      }
      if ("ABORTED".equals(i.path("verdict").asText())) {
        aborted.add(id + " (slot " + i.path("slot").asInt() + "): " + i.path("reason").asText());
      }
      for (JsonNode row : gameMaster.get("/api/incidents/" + id).path("injections")) {
        String state = row.path("state").asText();
        if (!state.equals("REVERTED") && !state.equals("FAILED")) {
          leftInjected.add(id + " " + row.path("kind").asText() + " " + state);
        }
      }
    }
    int alertDetected = gameMaster.get("/api/alerts/first?gameDay=" + DAY).size();
    int toxics =
        Api.JSON
            .readTree(
                HTTP.send(
                        HttpRequest.newBuilder(proxy.apiUrl().resolve("/proxies/bench/toxics"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body())
            .size();
    return plays(
        fired,
        perSlot,
        states,
        verdicts,
        aborted,
        leftInjected,
        toxics,
        alertDetected,
        bots,
        viewers,
        watch);
  }

  private Findings plays(
      int fired,
      Map<Integer, Integer> perSlot,
      Map<String, Integer> states,
      Map<String, Integer> verdicts,
      List<String> aborted,
      List<String> leftInjected,
      int toxics,
      int alertDetected,
      List<TeamPlayer> bots,
      List<Viewer> viewers,
      IncidentWatch watch)
      throws Exception {
    Longs latency = new Longs();
    Map<Long, TeamPlayer.Sent> acked = new HashMap<>();
    Map<String, Integer> refused = new TreeMap<>();
    int sent = 0;
    for (TeamPlayer bot : bots) {
      for (TeamPlayer.Sent s : bot.sent()) {
        sent++;
        latency.add(s.latencyNanos() / 1000);
        if (s.acknowledged()) {
          acked.put(s.playId(), s);
        } else {
          refused.merge(
              s.status() == -1 ? "no answer" : Integer.toString(s.status()), 1, Integer::sum);
        }
      }
    }
    Longs toViewer = new Longs();
    long undelivered = 0;
    int events = 0;
    List<Viewer> watching = viewers.stream().filter(Viewer::connected).toList();
    for (JsonNode progress : gameMaster.get("/api/gamedays/" + DAY + "/teams")) {
      int t = names.indexOf(progress.path("team").asText());
      int[] ordinal = new int[2];
      for (JsonNode play : progress.path("plays")) {
        if (!play.path("outcome").asText().equals("ACCEPTED") || t < 0) {
          continue;
        }
        int kind =
            switch (play.path("type").asText()) {
              case "DETECTION_CLAIM" -> BoardCounts.DETECT;
              case "DIAGNOSIS" -> BoardCounts.DIAGNOSE;
              default -> -1;
            };
        if (kind < 0) {
          continue;
        }
        int k = ordinal[kind]++;
        if (!acked.containsKey(play.path("id").asLong())) {
          continue;
        }
        events++;
        long at = BoardCounts.micros(Instant.parse(play.path("at").asText()));
        for (Viewer v : watching) {
          long received = v.receipts().seenAt(t, kind, k);
          if (received < 0) {
            undelivered++;
          } else {
            toViewer.add(received - at);
          }
        }
      }
    }
    return new Findings(
        fired,
        perSlot,
        states,
        verdicts,
        aborted,
        leftInjected,
        toxics,
        alertDetected,
        watch.alerted(),
        watch.failures(),
        sent,
        acked.size(),
        refused,
        Distribution.of(latency),
        events,
        Distribution.of(toViewer),
        undelivered);
  }

  private String report(Findings f, List<Sampled> samples, int connected, int stillOpen) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "### Soak on %s: %d min, %d incidents, %d teams × %d players, %d viewers%n%n",
            settings.db().equals("pg") ? "two nodes on one PostgreSQL" : "H2",
            settings.length().toMinutes(),
            settings.incidents(),
            settings.teams(),
            settings.playersPerTeam(),
            settings.viewers()));
    long once = f.perSlot().values().stream().filter(n -> n == 1).count();
    md.append("| figure | value |\n|---|---|\n");
    row(
        md,
        "incidents scheduled / fired (injected) / slots fired exactly once",
        settings.incidents() + " / " + f.fired() + " / " + once);
    row(md, "incident states", f.states().toString());
    row(md, "verdicts", f.verdicts().toString());
    row(md, "aborted, and why", f.aborted().isEmpty() ? "none" : String.join("; ", f.aborted()));
    row(
        md,
        "left injected (ledger rows not reverted / toxics on the proxy)",
        f.leftInjected().size() + " / " + f.toxicsLeft());
    row(
        md,
        "alerts sent through Alertmanager / incidents with an alert received",
        f.alertsSent() + " / " + f.alertDetected());
    row(
        md,
        "plays sent / acknowledged / refused",
        f.sent() + " / " + f.acknowledged() + " / " + f.refused());
    row(
        md,
        "play latency p50 / p99 / max",
        f.latency().millis(0.5) + " / " + f.latency().millis(0.99) + " / " + f.latency().millis(1));
    row(md, "viewers connected / still open at the end", connected + " / " + stillOpen);
    row(
        md,
        "scoring events; event → every viewer p50 / p99 / max",
        f.events()
            + "; "
            + f.toViewer().millis(0.5)
            + " / "
            + f.toViewer().millis(0.99)
            + " / "
            + f.toViewer().millis(1));
    row(md, "(event, viewer) pairs never delivered", Long.toString(f.undelivered()));
    for (Sampled s : samples) {
      List<String> cells = new ArrayList<>();
      for (int n = 0; n < s.nodes().size(); n++) {
        cells.add("node " + (n + 1) + ": " + s.nodes().get(n).cell());
      }
      row(
          md,
          "at the " + s.label() + ": server RSS, threads; database; load average",
          String.join(", ", cells)
              + String.format(
                  Locale.ROOT, "; %.1f MiB; %.2f", s.dbBytes() / 1048576.0, s.loadAverage()));
    }
    if (!f.watchFailures().isEmpty()) {
      row(
          md,
          "monitoring errors (first)",
          f.watchFailures().size() + ": " + f.watchFailures().get(0));
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String figure, String value) {
    md.append("| ").append(figure).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
