package org.daysofchaos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
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
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;

/**
 * The leaderboard under load, on the packaged server in its own JVM (H2 file database): teams'
 * players send plays at a steady rate while hundreds of people watch the board's live stream.
 * Measures the plays' latency and rate, the delay from each scoring event (the play's time as the
 * server recorded it) to the moment each viewer receives a board that includes it, and checks that
 * every acknowledged play is in the database afterwards. See docs/benchmarks.md, "Leaderboard and
 * plays".
 *
 * <p>Each phase plays its own game day, so that every phase starts from an empty board: teams
 * {@code t01…}, each with one player account, and many long, gentle incidents (a 1 ms latency toxic
 * on an embedded fault proxy in this JVM) that stay active for the whole phase, so that detection
 * claims are accepted.
 */
public final class PlayBench {
  private static final String PASSWORD = "Bench-Player-Passw0rd-2917";
  private static final String DEFAULT_PHASES = "0/50,1/50,50/50,200/50,500/50,0/200,500/200";

  private static final String GENTLE =
      """
      id: bench/gentle
      title: A long, gentle fault that teams can detect and diagnose
      weight: 5
      mode: time-boxed
      duration: 3h
      maxDuration: 4h
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
        services: [booking]
      recovery:
        holdFor: 100ms
        within: 5s
      diagnosis:
        component: payment
        fault: latency
      """;

  /** A phase: how many viewers watch, and how many plays per second all teams send together. */
  record Phase(int viewers, int rate, Duration length) {
    static Phase parse(String spec, Duration length) {
      String[] parts = spec.strip().split("/");
      try {
        if (parts.length == 2) {
          Phase phase = new Phase(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), length);
          if (phase.viewers() >= 0 && phase.rate() > 0) {
            return phase;
          }
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          "bench.play.phases: '" + spec + "' is not VIEWERS/PLAYS-PER-SECOND (e.g. 200/50)");
    }

    String rateLabel() {
      return rate + "/s";
    }
  }

  /**
   * What one phase measured; times in microseconds.
   *
   * @param lag how late each play left against its schedule (the previous answer came late)
   * @param events scoring events timed: acknowledged, accepted detections and diagnoses
   * @param toBoard from each event to the first board the server computed that included it
   * @param toViewer from each event to its arrival at each viewer (one sample per event and viewer)
   * @param undelivered (event, viewer) pairs where the viewer never received the event
   * @param boards distinct boards the viewers received
   * @param changedOutcome acknowledged plays stored with another type or outcome than answered
   */
  record Result(
      Phase phase,
      int teams,
      Usage usage,
      int sent,
      int acknowledged,
      Map<String, Integer> refused,
      Distribution latency,
      Distribution lag,
      int events,
      Distribution toBoard,
      Distribution toViewer,
      long undelivered,
      int boards,
      int playsInDb,
      int missing,
      int changedOutcome) {
    double rate() {
      return sent / (phase.length().toMillis() / 1000.0);
    }
  }

  private final BenchServer server;
  private final Api gameMaster;
  private final Api viewerAccount;
  private final int teams;
  private final PrintStream out;
  private final HttpClient players =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  // Few threads read the streams, so that 500 viewers do not take the cores from the server.
  private final ExecutorService streams = Executors.newFixedThreadPool(4, daemon("viewers"));
  private final HttpClient watchers =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .executor(streams)
          .build();
  private int days;

  private PlayBench(BenchServer server, Api viewerAccount, int teams, PrintStream out) {
    this.server = server;
    this.gameMaster = server.gameMaster();
    this.viewerAccount = viewerAccount;
    this.teams = teams;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Path report = Path.of(args.length > 0 ? args[0] : "target/play-bench.md");
    Path jar =
        Path.of(
            args.length > 1
                ? args[1]
                : System.getProperty(
                    "bench.server.jar", "scoreboard/target/scoreboard-0.1.0-SNAPSHOT-runner.jar"));
    int teams = Integer.getInteger("bench.play.teams", 40);
    Duration length = Duration.ofSeconds(Integer.getInteger("bench.play.length", 60));
    Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.play.warm-up", 20));
    List<Phase> phases = new ArrayList<>();
    for (String spec : System.getProperty("bench.play.phases", DEFAULT_PHASES).split(",")) {
      phases.add(Phase.parse(spec, length));
    }
    PrintStream out = System.out;
    try (ServerSocket upstream = new ServerSocket(0);
        EmbeddedToxiproxy proxy = EmbeddedToxiproxy.start()) {
      proxy.createProxy("bench", "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
      StaticMetrics metrics = StaticMetrics.start();
      List<Result> results = new ArrayList<>();
      try (BenchServer server =
          BenchServer.start(
              jar,
              BenchServer.jvmOptions(),
              List.of("--toxiproxy", proxy.apiUrl().toString(), "--metrics", metrics.url()))) {
        out.println("server log: " + server.log());
        server.gameMaster().post("/api/scenarios", GENTLE, "application/yaml");
        Api viewer = server.gameMaster().newAccount("bench-viewer", "viewer", null, null, PASSWORD);
        PlayBench bench = new PlayBench(server, viewer, teams, out);
        if (!warmUp.isZero()) {
          out.printf("warm-up (not reported): %d s%n", warmUp.toSeconds());
          bench.run(new Phase(50, 50, warmUp));
        }
        for (Phase phase : phases) {
          results.add(bench.run(phase));
        }
      } finally {
        metrics.close();
      }
      String md = PlayReport.markdown(results, teams);
      out.println(md);
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, md);
      out.println("report written to " + report.toAbsolutePath());
    }
  }

  /**
   * Enough incidents that no team runs out of incidents to detect: each incident takes a team about
   * {@link TeamPlayer#PLAYS_PER_INCIDENT} plays, with a margin for the uneven split of plays.
   */
  static int incidentsFor(Phase phase, int teams) {
    double perTeam = phase.rate() * (phase.length().toMillis() / 1000.0) / teams;
    return (int) Math.ceil(perTeam / TeamPlayer.PLAYS_PER_INCIDENT * 1.1) + 3;
  }

  private Result run(Phase phase) throws Exception {
    String day = "play-" + (++days);
    List<String> names = new ArrayList<>();
    for (int t = 1; t <= teams; t++) {
      names.add(String.format(Locale.ROOT, "t%02d", t));
    }
    int incidents = incidentsFor(phase, teams);
    out.printf(
        "%s: %d viewers, %s, %d teams, %d incidents%n",
        day, phase.viewers(), phase.rateLabel(), teams, incidents);
    startGameDay(day, names, incidents);
    List<Api> accounts = players(day, names);
    Viewer.Boards boards = new Viewer.Boards(names);
    List<Viewer> viewers = new ArrayList<>();
    for (int v = 0; v < phase.viewers(); v++) {
      viewers.add(Viewer.open(watchers, viewerAccount, day, boards));
    }
    awaitFirstBoards(viewers);
    int connected = (int) viewers.stream().filter(Viewer::isOpen).count();

    Usage.Meter idle = Usage.Meter.start(server);
    Thread.sleep(3000); // measuring the server at rest: its incidents' runs, its open streams
    double idleCores = idle.stop().serverCores();
    Usage.Meter meter = Usage.Meter.start(server);
    List<TeamPlayer> team = play(phase, accounts, names);
    Usage.Cpu cpu = meter.stop();

    BoardCounts last = BoardCounts.read(gameMaster.get("/api/gamedays/" + day + "/board"), names);
    awaitCaughtUp(viewers, last);
    int stillOpen = (int) viewers.stream().filter(Viewer::isOpen).count();
    Usage usage = new Usage(incidents, connected, stillOpen, idleCores, cpu, boardGets(day));
    Result result = measure(phase, day, names, team, viewers, boards, usage);
    viewers.forEach(Viewer::close);
    gameMaster.post("/api/gamedays/" + day + "/stop", "", "text/plain");
    out.println(PlayReport.line(result));
    return result;
  }

  /** Every team plays at its share of the rate, teams spread evenly over each period. */
  private List<TeamPlayer> play(Phase phase, List<Api> accounts, List<String> names)
      throws InterruptedException {
    long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    long end = t0 + phase.length().toNanos();
    long period = TimeUnit.SECONDS.toNanos(teams) / phase.rate();
    List<TeamPlayer> team = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < teams; t++) {
      TeamPlayer p = new TeamPlayer(players, accounts.get(t), t0 + t * period / teams, end, period);
      team.add(p);
      Thread thread = new Thread(p, "team-" + names.get(t));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return team;
  }

  /** A game day of many incidents that all fire within a second or two and last for hours. */
  private void startGameDay(String day, List<String> names, int incidents) throws Exception {
    StringBuilder yaml =
        new StringBuilder("id: ")
            .append(day)
            .append("\nname: Play bench\nwindow: { lasts: 4h }\nteams: [")
            .append(String.join(", ", names))
            .append("]\nscenarios:\n");
    for (int i = 0; i < incidents; i++) {
      yaml.append("  - {scenario: bench/gentle, at: ").append(1000 + 20 * i).append("ms}\n");
    }
    gameMaster.post("/api/gamedays", yaml.toString(), "application/yaml");
    gameMaster.post("/api/gamedays/" + day + "/start", "", "text/plain");
    Instant until = Instant.now().plusSeconds(120);
    while (true) {
      long injected = 0;
      for (JsonNode i : gameMaster.get("/api/incidents?gameDay=" + day + "&limit=100000")) {
        if (i.get("state").asText().equals("RUNNING") && !i.get("injectedAt").isNull()) {
          injected++;
        }
      }
      if (injected == incidents) {
        return;
      }
      if (Instant.now().isAfter(until)) {
        throw new IllegalStateException(
            day + ": only " + injected + " of " + incidents + " incidents active after 2 minutes");
      }
      Thread.sleep(200);
    }
  }

  /** One player per team, past their first sign-in (bcrypt makes this about 0.2 s each). */
  private List<Api> players(String day, List<String> names) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Api>> created = new ArrayList<>();
      for (String team : names) {
        created.add(
            pool.submit(
                () -> gameMaster.newAccount(day + "-" + team, "player", day, team, PASSWORD)));
      }
      List<Api> accounts = new ArrayList<>();
      for (Future<Api> f : created) {
        accounts.add(f.get());
      }
      return accounts;
    } finally {
      pool.shutdownNow();
    }
  }

  private void awaitFirstBoards(List<Viewer> viewers) throws Exception {
    CompletableFuture<Void> all =
        CompletableFuture.allOf(
            viewers.stream().map(Viewer::firstBoard).toArray(CompletableFuture[]::new));
    try {
      all.get(120, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      out.println("  not every viewer received a first board within 120 s");
    }
    viewers.stream()
        .map(Viewer::failure)
        .filter(f -> f != null)
        .findFirst()
        .ifPresent(f -> out.println("  a viewer failed: " + f));
  }

  /** Waits until every open viewer has received the final board (or 30 s). */
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

  /** Joins what the players were told with what the database holds and what the viewers saw. */
  private Result measure(
      Phase phase,
      String day,
      List<String> names,
      List<TeamPlayer> team,
      List<Viewer> viewers,
      Viewer.Boards boards,
      Usage usage)
      throws Exception {
    Longs latency = new Longs();
    Longs lag = new Longs();
    Map<Long, TeamPlayer.Sent> acked = new HashMap<>();
    Map<String, Integer> refused = new TreeMap<>();
    int sent = 0;
    for (TeamPlayer p : team) {
      for (TeamPlayer.Sent s : p.sent()) {
        sent++;
        latency.add(s.latencyNanos() / 1000);
        lag.add(s.lagNanos() / 1000);
        if (s.acknowledged()) {
          acked.put(s.playId(), s);
        } else {
          String why = s.status() == -1 ? "no answer" : Integer.toString(s.status());
          refused.merge(why, 1, Integer::sum);
        }
      }
    }

    // The database's plays of each team, in the order they were recorded.
    Set<Long> inDb = new HashSet<>();
    int changedOutcome = 0;
    Longs toBoard = new Longs();
    Longs toViewer = new Longs();
    long undelivered = 0;
    int events = 0;
    List<Viewer> watching = viewers.stream().filter(Viewer::connected).toList();
    for (JsonNode progress : gameMaster.get("/api/gamedays/" + day + "/teams")) {
      int t = names.indexOf(progress.path("team").asText());
      int[] ordinal = new int[2];
      for (JsonNode play : progress.path("plays")) {
        long id = play.path("id").asLong();
        inDb.add(id);
        TeamPlayer.Sent s = acked.get(id);
        String type = play.path("type").asText();
        String outcome = play.path("outcome").asText();
        if (s != null
            && !(type.equalsIgnoreCase(s.type().replace('-', '_'))
                && outcome.equalsIgnoreCase(s.outcome()))) {
          changedOutcome++;
        }
        if (!outcome.equals("ACCEPTED")) {
          continue;
        }
        int kind =
            switch (type) {
              case "DETECTION_CLAIM" -> BoardCounts.DETECT;
              case "DIAGNOSIS" -> BoardCounts.DIAGNOSE;
              default -> -1;
            };
        if (kind < 0 || t < 0) {
          continue;
        }
        int k = ordinal[kind]++;
        if (s == null) {
          continue; // recorded but never acknowledged (no answer in time): not timed
        }
        events++;
        long at = BoardCounts.micros(Instant.parse(play.path("at").asText()));
        long computed = boards.computed().seenAt(t, kind, k);
        if (computed >= 0) {
          toBoard.add(computed - at);
        }
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
    int missing = 0;
    for (long id : acked.keySet()) {
      if (!inDb.contains(id)) {
        missing++;
      }
    }
    return new Result(
        phase,
        teams,
        usage,
        sent,
        acked.size(),
        refused,
        Distribution.of(latency),
        Distribution.of(lag),
        events,
        Distribution.of(toBoard),
        Distribution.of(toViewer),
        undelivered,
        boards.distinct(),
        inDb.size(),
        missing,
        changedOutcome);
  }

  /** The board computed on demand, the server otherwise idle: its cost at this many plays. */
  private Distribution boardGets(String day) throws Exception {
    Longs times = new Longs();
    for (int i = 0; i < 20; i++) {
      long t0 = System.nanoTime();
      gameMaster.get("/api/gamedays/" + day + "/board");
      times.add((System.nanoTime() - t0) / 1000);
    }
    return Distribution.of(times);
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
