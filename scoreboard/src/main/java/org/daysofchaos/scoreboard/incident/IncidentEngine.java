package org.daysofchaos.scoreboard.incident;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.daysofchaos.core.Guardrail;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.GameDayReadResult;
import org.daysofchaos.core.gameday.GameDayReader;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.RunListener;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.run.IncidentRunner;
import org.daysofchaos.core.run.RunControl;
import org.daysofchaos.core.run.RunOptions;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.metrics.ChaosMetrics;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.JdbcLedger;
import org.daysofchaos.scoreboard.safety.HaltGate;
import org.daysofchaos.scoreboard.safety.HaltSwitch;
import org.daysofchaos.scoreboard.schedule.Schedule;
import org.daysofchaos.scoreboard.server.NodeId;
import org.daysofchaos.scoreboard.server.Targets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires incidents and runs them on this node: one thread per running incident, the run loop of
 * {@code core} with the database ledger, the journal written to the database as it happens, the
 * halt-all gate in front of every injector, and the fault's deadline registered with the schedule
 * as a safety net that survives this process.
 */
@ApplicationScoped
public class IncidentEngine {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentEngine.class);

  @Inject IncidentStore incidents;
  @Inject GameDayStore gameDays;
  @Inject JdbcLedger ledger;
  @Inject AuditLog audit;
  @Inject ScenarioCatalog catalog;
  @Inject Targets targets;
  @Inject HaltSwitch halt;
  @Inject ChaosMetrics metrics;
  @Inject Schedule schedule;
  @Inject Clock clock;
  @Inject NodeId node;

  @ConfigProperty(name = "chaos.run.interval", defaultValue = "1s")
  Duration interval;

  /** How long after its deadline a fault's safety-net trigger fires. */
  @ConfigProperty(name = "chaos.deadline.grace", defaultValue = "10s")
  Duration deadlineGrace;

  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "chaos-incident-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
  private volatile Instant acceptingSince;
  private volatile Injectors guarded;

  /** A run going on on this node. */
  private record Running(
      String incidentId,
      String gameDayId,
      RunControl control,
      WakeableSleeper sleeper,
      IncidentLedger ledger,
      CompletableFuture<RunResult> done) {}

  /**
   * Opens the engine once crash recovery is done: a trigger whose time came before this instant
   * came while no server was running, and is not fired (docs/server.md, "Misfires").
   */
  public void open(Instant since) {
    acceptingSince = since;
    guarded = HaltGate.guard(targets.wiring().injectors(), Catalog.standard(), halt::blockedReason);
  }

  public Optional<Instant> openSince() {
    return Optional.ofNullable(acceptingSince);
  }

  // --- firing ---------------------------------------------------------------------------------

  /** A scheduled incident's trigger fired, for the moment {@code scheduledFor}. */
  public void fireScheduled(String incidentId, Instant scheduledFor) {
    Instant since = acceptingSince;
    if (since == null || scheduledFor.isBefore(since)) {
      missed(
          incidentId,
          "its time ("
              + scheduledFor
              + ") came while no server was running; it is not fired late, on purpose"
              + " (docs/server.md, Misfires)");
      return;
    }
    Optional<Incident> scheduled = incidents.find(incidentId);
    Optional<Instant> resumed =
        scheduled.map(Incident::gameDayId).flatMap(gameDays::find).map(GameDayStore.Row::resumedAt);
    if (resumed.isPresent() && scheduledFor.isBefore(resumed.get())) {
      missed(
          incidentId,
          "its time ("
              + scheduledFor
              + ") came while its game day was paused; it is not fired late, on purpose"
              + " (docs/server.md, Misfires)");
      return;
    }
    Instant now = clock.instant();
    if (!incidents.claim(incidentId, node.id(), now, AuditLog.SCHEDULER)) {
      LOG.debug("incident {} is no longer scheduled; not firing it", incidentId);
      return;
    }
    Incident incident = incidents.find(incidentId).orElseThrow();
    start(incident, scheduledFor, AuditLog.SCHEDULER);
  }

  /** A cron slot of a game day fired: each firing is a new incident. */
  public Optional<Incident> fireCron(
      String gameDayId, int slot, String scenarioId, String sha256, Instant scheduledFor) {
    Instant since = acceptingSince;
    if (since == null || scheduledFor.isBefore(since)) {
      audit.record(
          AuditLog.SCHEDULER,
          "missed",
          "game day " + gameDayId + " slot " + slot,
          "a cron firing at " + scheduledFor + " came while no server was running; skipped");
      metrics.incidentMissed();
      return Optional.empty();
    }
    Incident incident =
        create(gameDayId, slot, scenarioId, sha256, scheduledFor, AuditLog.SCHEDULER);
    start(incident, scheduledFor, AuditLog.SCHEDULER);
    return Optional.of(incident);
  }

  /** Fires a scenario now, by hand (outside of, or as part of, a game day). */
  public Incident fireNow(String scenarioId, String sha256, String gameDayId, String actor) {
    if (acceptingSince == null) {
      throw new IllegalStateException("the server is still starting");
    }
    Instant now = clock.instant();
    Incident incident = create(gameDayId, null, scenarioId, sha256, now, actor);
    audit.record(actor, "fire", "incident " + incident.id(), "scenario " + scenarioId);
    start(incident, now, actor);
    return incidents.find(incident.id()).orElse(incident);
  }

  private Incident create(
      String gameDayId,
      Integer slot,
      String scenarioId,
      String sha256,
      Instant scheduledFor,
      String actor) {
    String id = newIncidentId();
    incidents.insertRunning(
        id, gameDayId, slot, scenarioId, sha256, scheduledFor, clock.instant(), node.id(), actor);
    return incidents.find(id).orElseThrow();
  }

  /** Marks a scheduled incident as missed, with the reason. */
  public void missed(String incidentId, String reason) {
    if (incidents.markMissed(incidentId, reason, clock.instant())) {
      metrics.incidentMissed();
      audit.record(AuditLog.SCHEDULER, "missed", "incident " + incidentId, reason);
      LOG.info("incident {} missed: {}", incidentId, reason);
    }
  }

  private void start(Incident incident, Instant scheduledFor, String actor) {
    String blocked = halt.blockedReason();
    if (blocked != null) {
      closeUnrun(incident, Verdict.ABORTED, "not fired: " + blocked, actor);
      return;
    }
    Scenario written;
    try {
      written = catalog.scenario(incident.scenarioId(), incident.scenarioSha256());
    } catch (RuntimeException e) {
      closeUnrun(incident, Verdict.FAILED, "its scenario cannot be read: " + e.getMessage(), actor);
      return;
    }
    Scenario scenario;
    try {
      scenario = written.plusGuardrails(gameDayGuardrails(incident.gameDayId()));
    } catch (IllegalStateException e) {
      // Running without the guardrails the game day promised could hurt what they protect.
      closeUnrun(incident, Verdict.FAILED, e.getMessage(), actor);
      return;
    }
    RunControl control = new RunControl();
    WakeableSleeper sleeper = new WakeableSleeper(clock);
    IncidentLedger view = new IncidentLedger(ledger, audit, metrics, incident.id(), actor);
    CompletableFuture<RunResult> done = new CompletableFuture<>();
    Running run = new Running(incident.id(), incident.gameDayId(), control, sleeper, view, done);
    running.put(incident.id(), run);
    metrics.incidentFired(scenario.id());
    LOG.info("incident {} fired: {} ({})", incident.id(), scenario.id(), scenario.title());
    try {
      executor.execute(() -> run(run, scenario, scheduledFor));
    } catch (RuntimeException e) {
      running.remove(incident.id());
      metrics.incidentEnded(scenario.id(), Verdict.FAILED.name());
      closeUnrun(incident, Verdict.FAILED, "could not start its run: " + e, actor);
    }
  }

  private final Map<String, ParsedGuardrails> guardrails = new ConcurrentHashMap<>();

  /**
   * The guardrails of an incident's game day, which every incident of that day runs with after its
   * scenario's own; none for an incident fired outside a game day.
   *
   * @throws IllegalStateException when the stored game day no longer reads
   */
  private List<Guardrail> gameDayGuardrails(String gameDayId) {
    if (gameDayId == null) {
      return List.of();
    }
    Optional<GameDayStore.Row> row = gameDays.find(gameDayId);
    if (row.isEmpty()) {
      return List.of();
    }
    String yaml = row.get().yaml();
    // Parsed once per text of the game day: a day of thousands of slots fires thousands of
    // incidents, and parsing it for each one made firing fall behind (docs/benchmarks.md).
    ParsedGuardrails cached = guardrails.get(gameDayId);
    if (cached != null && cached.yaml().equals(yaml)) {
      return cached.guardrails();
    }
    GameDayReadResult read =
        new GameDayReader(catalog.ids(), GameDays.QUARTZ_CRON, Catalog.standard())
            .read(row.get().source(), yaml);
    if (!read.ok()) {
      throw new IllegalStateException(
          "its game day "
              + gameDayId
              + " no longer reads, so its guardrails are unknown: "
              + read.problems().get(0));
    }
    List<Guardrail> parsed = read.gameDay().orElseThrow().guardrails();
    guardrails.put(gameDayId, new ParsedGuardrails(yaml, parsed));
    return parsed;
  }

  /** A game day's guardrails, with the text they were read from. */
  private record ParsedGuardrails(String yaml, List<Guardrail> guardrails) {}

  private void run(Running run, Scenario scenario, Instant scheduledFor) {
    RunResult result = null;
    try {
      IncidentRunner runner =
          new IncidentRunner(
              guarded,
              targets.wiring().probes(),
              run.ledger(),
              clock,
              run.sleeper(),
              RunOptions.defaults().withInterval(interval));
      result =
          runner.run(
              scenario,
              run.control(),
              List.of(new JournalWriter(run.incidentId(), scenario, scheduledFor)));
      incidents.close(run.incidentId(), result, clock.instant());
      result.detection().ifPresent(d -> metrics.detected(scenario.id(), d.after()));
      result.recovery().ifPresent(r -> metrics.recovered(scenario.id(), r.after()));
      LOG.info("incident {} closed: {} — {}", run.incidentId(), result.verdict(), result.reason());
    } catch (RuntimeException | Error e) {
      LOG.error("incident {}: the run failed outside the run loop", run.incidentId(), e);
    } finally {
      running.remove(run.incidentId());
      metrics.incidentEnded(
          scenario.id(), result == null ? Verdict.FAILED.name() : result.verdict().name());
      schedule.cancelDeadline(run.incidentId());
      run.done().complete(result);
    }
  }

  /** Writes the journal to the database as the run goes, and reacts to a few events. */
  private final class JournalWriter implements RunListener {
    private final String incidentId;
    private final Scenario scenario;
    private final Instant scheduledFor;

    JournalWriter(String incidentId, Scenario scenario, Instant scheduledFor) {
      this.incidentId = incidentId;
      this.scenario = scenario;
      this.scheduledFor = scheduledFor;
    }

    @Override
    public void onEvent(JournalEvent event) {
      incidents.append(incidentId, event);
      if (event.type() == EventType.RUN_STARTED && event.data().containsKey("run")) {
        incidents.setRunId(incidentId, event.data().get("run"));
      } else if (event.type() == EventType.FAULT_ACTIVE) {
        Instant injectedAt = Instant.parse(event.data().get("injectedAt"));
        incidents.setInjectedAt(incidentId, injectedAt);
        metrics.firingDelay(Duration.between(scheduledFor, injectedAt));
        schedule.deadline(
            incidentId, injectedAt.plus(scenario.faultDeadline()).plus(deadlineGrace));
      } else if (event.type() == EventType.REVERT_FAILED) {
        metrics.reverted("run", false, false);
      }
    }
  }

  private void closeUnrun(Incident incident, Verdict verdict, String reason, String actor) {
    Instant now = clock.instant();
    incidents.append(incident.id(), new JournalEvent(now, EventType.ABORTED, reason, Map.of()));
    incidents.append(
        incident.id(),
        new JournalEvent(
            now, EventType.VERDICT, verdict + ": " + reason, Map.of("verdict", verdict.name())));
    incidents.closeWithoutRun(incident.id(), verdict.name(), reason, null, now);
    audit.record(actor, "not-fired", "incident " + incident.id(), reason);
    LOG.info("incident {} not run: {}", incident.id(), reason);
  }

  // --- steering -------------------------------------------------------------------------------

  /** Ends the fault of a running incident now, as a normal end: revert, then measure recovery. */
  public boolean endFault(String incidentId, String reason) {
    Running run = running.get(incidentId);
    if (run == null) {
      return false;
    }
    run.control().endFault(reason);
    run.sleeper().wake();
    return true;
  }

  /** Aborts one running incident: revert everything; the verdict is ABORTED. */
  public Optional<CompletableFuture<RunResult>> abort(
      String incidentId, String reason, String source, String actor) {
    Running run = running.get(incidentId);
    if (run == null) {
      return Optional.empty();
    }
    run.ledger().revertsCausedBy(source, actor);
    run.control().abort(reason);
    run.sleeper().wake();
    return Optional.of(run.done());
  }

  /** Aborts every run of this node; the futures complete when each has reverted. */
  public List<CompletableFuture<RunResult>> abortAll(String reason, String source, String actor) {
    List<CompletableFuture<RunResult>> done = new ArrayList<>();
    for (String id : List.copyOf(running.keySet())) {
      abort(id, reason, source, actor).ifPresent(done::add);
    }
    return done;
  }

  /** Aborts the running incidents of one game day. */
  public List<CompletableFuture<RunResult>> abortGameDay(
      String gameDayId, String reason, String actor) {
    List<CompletableFuture<RunResult>> done = new ArrayList<>();
    for (Running run : List.copyOf(running.values())) {
      if (gameDayId.equals(run.gameDayId())) {
        abort(run.incidentId(), reason, "stop", actor).ifPresent(done::add);
      }
    }
    return done;
  }

  public boolean runsHere(String incidentId) {
    return running.containsKey(incidentId);
  }

  public int runningCount() {
    return running.size();
  }

  static String newIncidentId() {
    return "inc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @PreDestroy
  void stopThreads() {
    // No interrupts: runs were aborted and have reverted by now (ServerLifecycle).
    executor.shutdown();
  }
}
