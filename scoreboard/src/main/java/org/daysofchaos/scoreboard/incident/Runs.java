package org.daysofchaos.scoreboard.incident;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.Notification;
import org.daysofchaos.core.journal.RunListener;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.run.RunControl;
import org.daysofchaos.scoreboard.notify.IncidentFacts;
import org.daysofchaos.scoreboard.notify.Notifications;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.schedule.Schedule;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs going on on this node: one thread each, the run loop of {@code core} with the incident's
 * ledger, and the steering (end a fault, abort) that reaches a run through its control and wakes
 * it.
 */
@Singleton
class Runs {
  private static final Logger LOG = LoggerFactory.getLogger(Runs.class);

  @Inject IncidentRecords records;
  @Inject RunWiring wiring;
  @Inject Schedule schedule;
  @Inject Notifications notifications;

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

  /** A run going on on this node. */
  private record Running(
      String incidentId,
      String gameDayId,
      RunControl control,
      WakeableSleeper sleeper,
      IncidentLedger ledger,
      CompletableFuture<RunResult> done) {}

  void open() {
    wiring.open();
  }

  /**
   * Starts the run of an incident on a thread of its own, telling {@code channels} (its game day's)
   * and Grafana as it goes.
   */
  void launch(
      Incident incident,
      Scenario scenario,
      Instant scheduledFor,
      String actor,
      List<Notification> channels) {
    Running run =
        new Running(
            incident.id(),
            incident.gameDayId(),
            new RunControl(),
            wiring.sleeper(),
            records.ledgerOf(incident.id(), actor),
            new CompletableFuture<>());
    running.put(incident.id(), run);
    records.runStarted(incident, scenario);
    try {
      RunListener notify =
          notifications.incident(
              new IncidentFacts(
                  incident.id(), incident.gameDayId(), scenario.id(), scenario.title()),
              channels);
      executor.execute(() -> run(run, scenario, scheduledFor, notify));
    } catch (RuntimeException e) {
      running.remove(incident.id());
      records.runEnded(scenario, Verdict.FAILED);
      records.closeUnrun(incident, Verdict.FAILED, "could not start its run: " + e, actor);
    }
  }

  private void run(Running run, Scenario scenario, Instant scheduledFor, RunListener notify) {
    RunResult result = null;
    try {
      JournalWriter journal =
          new JournalWriter(
              records, schedule, deadlineGrace, run.incidentId(), scenario, scheduledFor);
      // The journal first: a notification never goes out for an event the database lacks.
      List<RunListener> listeners = notify == null ? List.of(journal) : List.of(journal, notify);
      result = wiring.runner(run.ledger(), run.sleeper()).run(scenario, run.control(), listeners);
      records.closed(run.incidentId(), scenario, result);
    } catch (RuntimeException | Error e) {
      LOG.error("incident {}: the run failed outside the run loop", run.incidentId(), e);
    } finally {
      running.remove(run.incidentId());
      records.runEnded(scenario, result == null ? Verdict.FAILED : result.verdict());
      schedule.cancelDeadline(run.incidentId());
      run.done().complete(result);
    }
  }

  /** Ends the fault of a running incident now, as a normal end: revert, then measure recovery. */
  boolean endFault(String incidentId, String reason) {
    Running run = running.get(incidentId);
    if (run == null) {
      return false;
    }
    run.control().endFault(reason);
    run.sleeper().wake();
    return true;
  }

  /** Aborts one running incident: revert everything; the verdict is ABORTED. */
  Optional<CompletableFuture<RunResult>> abort(
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

  /** The incidents running on this node. */
  List<String> all() {
    return List.copyOf(running.keySet());
  }

  /** The incidents of one game day running on this node. */
  List<String> ofGameDay(String gameDayId) {
    List<String> ids = new ArrayList<>();
    for (Running run : List.copyOf(running.values())) {
      if (gameDayId.equals(run.gameDayId())) {
        ids.add(run.incidentId());
      }
    }
    return ids;
  }

  boolean runsHere(String incidentId) {
    return running.containsKey(incidentId);
  }

  int count() {
    return running.size();
  }

  @PreDestroy
  void stopThreads() {
    // No interrupts: runs were aborted and have reverted by now (ServerLifecycle).
    executor.shutdown();
  }
}
