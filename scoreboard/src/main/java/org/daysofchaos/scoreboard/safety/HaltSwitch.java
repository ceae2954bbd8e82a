package org.daysofchaos.scoreboard.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.scoreboard.incident.IncidentEngine;
import org.daysofchaos.scoreboard.metrics.ChaosMetrics;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.HaltStore;
import org.daysofchaos.scoreboard.persistence.JdbcLedger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Halt-all: one call reverts every active injection and blocks new ones until it is released. The
 * switch lives in the database, so every node of a cluster obeys it (each node polls it, see {@link
 * #refresh()}) and it survives a restart: a halted server starts halted.
 */
@ApplicationScoped
public class HaltSwitch {
  private static final Logger LOG = LoggerFactory.getLogger(HaltSwitch.class);

  @Inject HaltStore store;
  @Inject AuditLog audit;
  @Inject JdbcLedger ledger;
  @Inject IncidentEngine engine;
  @Inject Recovery recovery;
  @Inject ChaosMetrics metrics;
  @Inject Clock clock;

  /** How long a halt waits for the runs to revert before answering. */
  @ConfigProperty(name = "chaos.halt.wait", defaultValue = "10s")
  Duration wait;

  private final AtomicReference<HaltStore.State> state =
      new AtomicReference<>(new HaltStore.State(false, null, null, null));

  /** What a halt did. */
  public record Result(
      boolean halted,
      Instant since,
      String actor,
      String reason,
      int runsAborted,
      int reverted,
      int stillActive,
      long millis) {}

  public HaltStore.State state() {
    return state.get();
  }

  /** Why injections are blocked now, or null when they are allowed. */
  public String blockedReason() {
    HaltStore.State s = state.get();
    if (!s.halted()) {
      return null;
    }
    return "halt-all is in effect since "
        + s.since()
        + " (by "
        + s.actor()
        + (s.reason() == null || s.reason().isBlank() ? "" : ": " + s.reason())
        + "); release it to inject again";
  }

  /** Reverts every active injection of this node and blocks new ones everywhere. */
  public Result halt(String actor, String reason) {
    long t0 = System.nanoTime();
    Instant now = clock.instant();
    HaltStore.State on = new HaltStore.State(true, now, actor, reason);
    // Block first (locally at once, then for every node), then revert.
    synchronized (this) {
      state.set(on);
      store.set(true, actor, reason, now);
    }
    metrics.halted(true);
    String why = "halt-all by " + actor + (reason == null || reason.isBlank() ? "" : ": " + reason);
    List<CompletableFuture<RunResult>> runs = engine.abortAll(why, "halt", actor);
    int reverted = 0;
    try {
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
          .get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("halt-all: some runs did not revert within {}", wait);
    } catch (Exception e) {
      LOG.warn("halt-all: waiting for the runs failed: {}", e.toString());
    }
    // What no local run owns any more (a dead node's, or a run that ended badly) is reverted here.
    reverted += recovery.revertUnowned(actor, why);
    int stillActive = (int) ledger.countOpen();
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    metrics.halt(took);
    audit.record(
        actor,
        "halt",
        "all injections",
        (reason == null ? "" : reason + "; ")
            + runs.size()
            + " run(s) aborted, "
            + stillActive
            + " injection(s) still open after "
            + took.toMillis()
            + " ms");
    LOG.warn("HALT-ALL by {}: {} run(s) aborted in {} ms", actor, runs.size(), took.toMillis());
    return new Result(
        true, now, actor, reason, runs.size(), reverted, stillActive, took.toMillis());
  }

  /** Allows injections again. */
  public HaltStore.State release(String actor) {
    HaltStore.State off = new HaltStore.State(false, clock.instant(), actor, null);
    synchronized (this) {
      store.set(false, actor, null, off.since());
      state.set(off);
    }
    metrics.halted(false);
    audit.record(actor, "halt-release", "all injections", "injections are allowed again");
    LOG.warn("halt-all released by {}", actor);
    return off;
  }

  /**
   * Reads the switch from the database (every node does, about four times a second): a halt made on
   * another node blocks injections here too, and aborts this node's runs.
   */
  public void refresh() {
    HaltStore.State stored;
    HaltStore.State before;
    synchronized (this) {
      stored = store.get();
      before = state.getAndSet(stored);
    }
    metrics.halted(stored.halted());
    if (stored.halted() && !before.halted()) {
      String why = "halt-all by " + stored.actor() + " (on another node)";
      engine.abortAll(why, "halt", stored.actor());
    }
  }
}
