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
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.scoreboard.halt.HaltState;
import org.daysofchaos.scoreboard.hosts.AgentRegistry;
import org.daysofchaos.scoreboard.incident.GameDayRules;
import org.daysofchaos.scoreboard.incident.IncidentEngine;
import org.daysofchaos.scoreboard.metrics.ChaosMetrics;
import org.daysofchaos.scoreboard.notify.Notifications;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.HaltStore;
import org.daysofchaos.scoreboard.persistence.JdbcLedger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Halt-all: one call reverts every active injection and blocks new ones until it is released. The
 * switch itself is {@link HaltState}; this is what pulling it does: abort the runs of this node,
 * revert what no run owns, and, when another node pulled it, abort this node's runs too (see {@link
 * #refresh()}).
 */
@ApplicationScoped
public class HaltSwitch {
  private static final Logger LOG = LoggerFactory.getLogger(HaltSwitch.class);

  @Inject HaltState state;
  @Inject AuditLog audit;
  @Inject JdbcLedger ledger;
  @Inject IncidentEngine engine;
  @Inject Recovery recovery;
  @Inject ChaosMetrics metrics;
  @Inject Notifications notifications;
  @Inject GameDayRules gameDays;
  @Inject Clock clock;
  @Inject AgentRegistry agents;

  /** How long a halt waits for the runs to revert before answering. */
  @ConfigProperty(name = "chaos.halt.wait", defaultValue = "10s")
  Duration wait;

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

  /** Reverts every active injection of this node and blocks new ones everywhere. */
  public Result halt(String actor, String reason) {
    long t0 = System.nanoTime();
    Instant now = clock.instant();
    // Block first (locally at once, then for every node), then revert.
    state.turnOn(actor, reason, now);
    String why = "halt-all by " + actor + (reason == null || reason.isBlank() ? "" : ": " + reason);
    // Every agent reverts everything at its next poll, whatever the runs do.
    agents.haltAll();
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
    notifyHalt(actor, reason, now);
    return new Result(
        true, now, actor, reason, runs.size(), reverted, stillActive, took.toMillis());
  }

  /** Tells the channels of the game days that run, after the faults are reverted. */
  private void notifyHalt(String actor, String reason, Instant at) {
    try {
      notifications.halted(gameDays.liveNotifications(), actor, reason, at);
    } catch (RuntimeException e) {
      // A halt has happened whatever its notification does.
      LOG.warn("halt-all: its notifications failed: {}", e.toString());
    }
  }

  /** Allows injections again. */
  public HaltStore.State release(String actor) {
    HaltStore.State off = state.turnOff(actor, clock.instant());
    audit.record(actor, "halt-release", "all injections", "injections are allowed again");
    LOG.warn("halt-all released by {}", actor);
    return off;
  }

  /**
   * Reads the switch from the database (every node does, about four times a second): a halt made on
   * another node blocks injections here too, and aborts this node's runs.
   */
  public void refresh() {
    state
        .refresh()
        .ifPresent(
            stored -> {
              agents.haltAll();
              engine.abortAll(
                  "halt-all by " + stored.actor() + " (on another node)", "halt", stored.actor());
            });
  }
}
