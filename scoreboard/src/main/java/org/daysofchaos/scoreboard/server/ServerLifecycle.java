package org.daysofchaos.scoreboard.server;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.daysofchaos.core.gameday.GameDay;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.demo.RunningDemo;
import org.daysofchaos.scoreboard.gameday.GameDayFiles;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.halt.HaltState;
import org.daysofchaos.scoreboard.incident.IncidentEngine;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.NodeId;
import org.daysofchaos.scoreboard.persistence.NodeStore;
import org.daysofchaos.scoreboard.safety.HaltSwitch;
import org.daysofchaos.scoreboard.safety.LedgerRecovery;
import org.daysofchaos.scoreboard.safety.Recovery;
import org.daysofchaos.scoreboard.schedule.Schedule;
import org.daysofchaos.scoreboard.security.Accounts;
import org.daysofchaos.scoreboard.security.FirstAccounts;
import org.daysofchaos.scoreboard.targets.Targets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The server's start and stop, in the order the safety rules need. On start, before anything can
 * inject: the database is migrated (Flyway, before this runs), the targets are wired (and the demo
 * started), then crash recovery reverts what this node left active. Only then are scenarios and
 * game days loaded (with the demo, its host agent first: {@link DemoHost}) and the schedule resumed
 * (it starts halted). The first accounts are made aside from the start's beginning (they inject
 * nothing; {@link FirstAccounts}), and waited for before the schedule. On stop, every run is
 * aborted and waited for, so that its faults are reverted before the process ends; the demo's agent
 * and then the demo stop last.
 */
@ApplicationScoped
public class ServerLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ServerLifecycle.class);
  static final String DEMO_GAME_DAY = "scenarios/demo/gameday.yaml";

  @ConfigProperty(name = "chaos.server.enabled", defaultValue = "false")
  boolean enabled;

  @ConfigProperty(name = "chaos.demo.enabled", defaultValue = "false")
  boolean demo;

  @ConfigProperty(name = "chaos.demo.start-game-day", defaultValue = "true")
  boolean startDemoGameDay;

  @ConfigProperty(name = "chaos.gamedays")
  Optional<List<String>> gameDayFiles;

  @ConfigProperty(name = "chaos.scenarios.dirs")
  Optional<List<String>> scenarioDirs;

  @ConfigProperty(name = "chaos.heartbeat.interval", defaultValue = "1s")
  Duration heartbeat;

  @ConfigProperty(name = "chaos.halt.poll", defaultValue = "250ms")
  Duration haltPoll;

  @ConfigProperty(name = "quarkus.http.host", defaultValue = "127.0.0.1")
  String host;

  @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
  int port;

  @ConfigProperty(name = "chaos.data-dir", defaultValue = ".chaos")
  String dataDir;

  @ConfigProperty(name = "chaos.security.admin.username", defaultValue = "gamemaster")
  String adminName;

  /** For automation only: the first game master gets this password instead of a one-time one. */
  @ConfigProperty(name = "chaos.security.admin.password")
  Optional<String> adminPassword;

  @Inject Instance<Parts> parts;
  @Inject StartState state;
  @Inject StartupMarks marks;

  private ScheduledExecutorService background;
  private volatile boolean started;
  private boolean drained;
  private final AtomicBoolean stopping = new AtomicBoolean();

  /** The beans the server needs, resolved only when it runs as a server. */
  @Singleton
  static class Parts {
    @Inject Targets targets;
    @Inject Recovery recovery;
    @Inject HaltSwitch halt;
    @Inject HaltState haltState;
    @Inject IncidentEngine engine;
    @Inject ScenarioCatalog catalog;
    @Inject GameDays gameDays;
    @Inject GameDayFiles gameDayFiles;
    @Inject Schedule schedule;
    @Inject Scheduler scheduler;
    @Inject NodeStore nodes;
    @Inject NodeId node;
    @Inject AuditLog audit;
    @Inject Clock clock;
    @Inject Accounts accounts;
    @Inject DemoHost demoHost;
  }

  void onStart(@Observes @Priority(10) StartupEvent event) throws IOException {
    if (!enabled) {
      return;
    }
    long t0 = System.nanoTime();
    Parts p = parts.get();
    // H2 and the transaction log created their files with the process's umask.
    DataDir.tighten(Path.of(dataDir));
    // A first start's game master is made aside: its password's hash runs while the targets start
    // and the catalog loads. A start that fails still waits for it, so that no account is left
    // whose one-time password was never written down.
    FirstAccounts first = new FirstAccounts(p.accounts, firstAccountsFile(), System.out);
    first.gameMasterAside(adminName, adminPassword.filter(pw -> !pw.isBlank()));
    try {
      start(p, first, t0);
    } finally {
      first.settle();
    }
  }

  private void start(Parts p, FirstAccounts first, long t0) throws IOException {
    StartupTimes times = StartupTimes.process();
    times.mark("server");
    if (demo) {
      p.demoHost.prepare();
    }
    p.targets.start();
    times.mark("targets");
    state.phase(StartState.Phase.RECOVERING);
    Instant joined = p.clock.instant();
    p.nodes.started(p.node.id(), joined);
    state.heartbeat(joined);
    p.halt.refresh();
    LedgerRecovery.Report early = EarlyRecovery.lastReport();
    p.recovery.countEarly(early);
    LedgerRecovery.Report recovered = p.recovery.recoverAtStart();
    Instant open = p.clock.instant();
    p.engine.open(open);
    times.mark("recovery");
    long recoveredAfter = (System.nanoTime() - t0) / 1_000_000;
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    int scenarios =
        p.catalog.loadAtStart(
            scenarioDirs.orElse(List.of()).stream().map(Path::of).toList(),
            Path.of(dataDir).resolve(ScenarioCatalog.CHECKED_FILE));
    times.mark("catalog");
    first.await();
    times.mark("accounts");
    p.schedule.prepare();
    times.mark("schedule");
    p.gameDayFiles.loadOnStart(gameDayFiles.orElse(List.of()).stream().map(Path::of).toList());
    times.mark("gamedays");
    if (demo) {
      // Before the demo game day: it plays demo/bad-config through this agent.
      RunningDemo running = p.targets.demo().orElseThrow();
      p.demoHost.open(running.bookingConfig(), running::startTraffic);
      loadDemoGameDay(p, first);
      times.mark("demo-gameday");
    }
    background =
        Executors.newScheduledThreadPool(
            1,
            r -> {
              Thread t = new Thread(r, "chaos-heartbeat");
              t.setDaemon(true);
              return t;
            });
    background.scheduleWithFixedDelay(
        () -> beat(p), heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    background.scheduleWithFixedDelay(
        () -> pollHalt(p), haltPoll.toMillis(), haltPoll.toMillis(), TimeUnit.MILLISECONDS);
    p.scheduler.resume();
    started = true;
    state.phase(StartState.Phase.READY);
    installSignalHandlers();
    p.audit.record(
        "server",
        "server-start",
        "node " + p.node.id(),
        early.reverted()
            + " leftover fault(s) reverted before boot, "
            + recovered.reverted()
            + " after, "
            + recovered.failed()
            + " could not be, "
            + recovered.incidents().size()
            + " incident(s) closed by recovery");
    LOG.info(
        "Days of Chaos server on http://{}:{} (node {}): {} scenario(s); crash recovery reverted"
            + " {} leftover fault(s) before boot and {} in {} ms, {} ms after the JVM started{}",
        host,
        port == 0 ? "0 (a port the system chooses: see the 'listening on' line)" : port,
        p.node.id(),
        scenarios,
        early.reverted(),
        recovered.reverted(),
        recoveredAfter,
        uptime,
        p.haltState.current().halted() ? "; HALT-ALL IS IN EFFECT" : "");
    times.mark("resume");
    marks.serverStarted();
  }

  private void loadDemoGameDay(Parts p, FirstAccounts first) throws IOException {
    String yaml;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(DEMO_GAME_DAY)) {
      if (in == null) {
        LOG.warn("the demo game day ({}) is not on the class path", DEMO_GAME_DAY);
        return;
      }
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Optional<GameDayStore.Row> existing =
        p.gameDays.read(DEMO_GAME_DAY, yaml).gameDay().map(GameDay::id).flatMap(p.gameDays::find);
    if (existing.isPresent() && existing.get().state().live()) {
      LOG.info(
          "demo game day {} is {} (since {}); it goes on",
          existing.get().id(),
          existing.get().state(),
          existing.get().startedAt());
      return;
    }
    GameDay day = p.gameDays.load(DEMO_GAME_DAY, yaml, "server");
    List<String> teams = day.teams().stream().map(t -> t.name()).toList();
    // Its players' accounts are made aside while the game day starts.
    first.demoAside(day.id(), teams);
    Optional<GameDayStore.Row> started =
        startDemoGameDay ? Optional.of(p.gameDays.start(day.id(), "server")) : Optional.empty();
    first.await();
    started.ifPresent(
        row ->
            LOG.info(
                "demo game day {} started: sign in at http://{}:{}/ with a one-time password; the"
                    + " leaderboard is http://{}:{}/board/{} (closes at {})",
                day.id(),
                host,
                port,
                host,
                port,
                day.id(),
                row.closesAt()));
  }

  private Path firstAccountsFile() {
    return Path.of(dataDir).resolve(FirstAccounts.FILE);
  }

  private void beat(Parts p) {
    Instant now = p.clock.instant();
    state.tick(now);
    try {
      p.nodes.heartbeat(p.node.id(), now);
      state.heartbeat(now);
      p.recovery.sweepDeadNodes();
    } catch (RuntimeException e) {
      LOG.warn("heartbeat failed: {}", e.toString());
    }
  }

  private void pollHalt(Parts p) {
    try {
      p.halt.refresh();
    } catch (RuntimeException e) {
      LOG.warn("cannot read the halt switch: {}", e.toString());
    }
  }

  /**
   * SIGTERM and Ctrl-C first abort every run and wait for its reverts, and only then let the
   * process shut down: H2 closes its database as soon as the JVM starts to shut down, so the
   * reverts must be written before that.
   */
  private void installSignalHandlers() {
    if (LaunchMode.current() != LaunchMode.NORMAL) {
      return;
    }
    SignalHandler handler =
        signal -> {
          if (stopping.compareAndSet(false, true)) {
            Thread stop =
                new Thread(
                    () -> {
                      drain("the server is stopping (SIG" + signal.getName() + ")");
                      Quarkus.asyncExit(0);
                    },
                    "chaos-stop");
            stop.start();
          }
        };
    Signal.handle(new Signal("TERM"), handler);
    Signal.handle(new Signal("INT"), handler);
  }

  /** Aborts every run of this node and waits (up to 30 s) until each has reverted. */
  private synchronized void drain(String reason) {
    if (!started || drained) {
      return;
    }
    drained = true;
    state.phase(StartState.Phase.STOPPING);
    Parts p = parts.get();
    if (background != null) {
      background.shutdownNow();
    }
    List<CompletableFuture<RunResult>> runs = p.engine.abortAll(reason, "shutdown", "server");
    if (!runs.isEmpty()) {
      LOG.info("stopping: reverting the faults of {} running incident(s)...", runs.size());
      try {
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("stopping: not every run reverted in time: {}", e.toString());
      }
    }
    // The runs reverted through the demo's agent; now it reverts whatever it still holds, before
    // the demo (and its file) goes.
    p.demoHost.close();
    p.targets.close();
  }

  void onStop(@Observes ShutdownEvent event) {
    if (enabled) {
      drain("the server is stopping");
    }
  }
}
