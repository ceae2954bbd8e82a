package org.daysofchaos.scoreboard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.daysofchaos.core.journal.RecoveryTime;

/**
 * Metrics about the framework itself, exported at {@code /q/metrics} (names in docs/server.md).
 * Micrometer names with dots become Prometheus names with underscores, counters get {@code _total},
 * timers {@code _seconds}.
 */
@Singleton
public class ChaosMetrics {
  private final MeterRegistry registry;
  private final AtomicInteger activeInjections = new AtomicInteger();
  private final AtomicInteger runningIncidents = new AtomicInteger();
  private final AtomicInteger halted = new AtomicInteger();
  private final Map<String, AtomicInteger> faultsByIncident = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> failedRevertsByIncident = new ConcurrentHashMap<>();

  public ChaosMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("chaos.injections.active", activeInjections, AtomicInteger::get)
        .description("Faults this node has in effect now")
        .register(registry);
    Gauge.builder("chaos.incidents.running", runningIncidents, AtomicInteger::get)
        .description("Incidents whose run is going on on this node")
        .register(registry);
    Gauge.builder("chaos.halt.active", halted, AtomicInteger::get)
        .description("1 while halt-all blocks new injections, else 0")
        .register(registry);
  }

  /** An incident's run started (its trigger fired, or someone fired it by hand). */
  public void incidentFired(String scenario) {
    Counter.builder("chaos.incidents.fired")
        .description("Incidents whose run started")
        .tag("scenario", scenario)
        .register(registry)
        .increment();
    runningIncidents.incrementAndGet();
  }

  /**
   * An incident's run ended. {@code service} is the answer key's component: it is recorded only now
   * that the incident is over, so that the metrics never tell the answer while it runs.
   */
  public void incidentEnded(String scenario, String service, String verdict) {
    Counter.builder("chaos.incidents.completed")
        .description("Incidents whose run ended, by verdict (and scenario and service)")
        .tag("scenario", scenario)
        .tag("service", service)
        .tag("verdict", verdict)
        .register(registry)
        .increment();
    runningIncidents.decrementAndGet();
  }

  public void incidentMissed() {
    Counter.builder("chaos.incidents.missed")
        .description("Scheduled incidents not fired because their time passed unseen")
        .register(registry)
        .increment();
  }

  /** How late an incident's fault took effect after its scheduled time. */
  public void firingDelay(Duration delay) {
    Timer.builder("chaos.incidents.firing.delay")
        .description("From the scheduled time to the moment the fault took effect")
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(delay);
  }

  public void injected(String kind) {
    Counter.builder("chaos.injections")
        .description("Faults put in effect")
        .tag("kind", kind)
        .register(registry)
        .increment();
    activeInjections.incrementAndGet();
  }

  /**
   * A fault was reverted; {@code source} is run, halt, recovery (after a crash) or takeover (of a
   * dead node's fault), {@code outcome} ok or failed.
   */
  public void reverted(String source, boolean ok, boolean wasActiveHere) {
    Counter.builder("chaos.reverts")
        .description("Faults reverted, by why and whether the revert worked")
        .tag("source", source)
        .tag("outcome", ok ? "ok" : "failed")
        .register(registry)
        .increment();
    if (ok && wasActiveHere) {
      activeInjections.decrementAndGet();
    }
  }

  /**
   * A fault of this incident took effect on this node: {@code chaos_fault_active{incident}} counts
   * them until they are reverted, then the series ends. Its only label is the incident's opaque id
   * ({@code inc-…}): no scenario, kind or target, so that a dashboard the teams can see during a
   * blind game day shows when something is broken, never what (docs/security.md).
   */
  public void faultActive(String incident) {
    countUp(
        faultsByIncident,
        "chaos.fault.active",
        "Faults of an incident in effect on this node now (label: incident id)",
        incident);
  }

  /** A fault of this incident was reverted; the incident's series ends with its last fault. */
  public void faultEnded(String incident) {
    end(faultsByIncident, "chaos.fault.active", incident);
  }

  /**
   * A fault of this incident could not be reverted: {@code chaos_fault_active} keeps counting it,
   * and {@code chaos_fault_revert_failed{incident}} says so until a later revert (halt-all, crash
   * recovery, a takeover) removes it.
   */
  public void revertFailed(String incident) {
    countUp(
        failedRevertsByIncident,
        "chaos.fault.revert.failed",
        "Faults of an incident whose revert failed and that may still be in effect",
        incident);
  }

  /** Adds one to an incident's gauge, registering it (label: the incident id) on first use. */
  private void countUp(
      Map<String, AtomicInteger> byIncident, String name, String description, String incident) {
    byIncident
        .computeIfAbsent(
            incident,
            id -> {
              AtomicInteger count = new AtomicInteger();
              Gauge.builder(name, count, AtomicInteger::get)
                  .description(description)
                  .tag("incident", id)
                  .register(registry);
              return count;
            })
        .incrementAndGet();
  }

  /** A fault whose revert had failed was reverted later (by recovery, a halt or a takeover). */
  public void revertedLater(String incident) {
    if (end(failedRevertsByIncident, "chaos.fault.revert.failed", incident)) {
      faultEnded(incident);
    }
  }

  /** Counts one down; the series ends at zero. False when the incident had none. */
  private boolean end(Map<String, AtomicInteger> counts, String gauge, String incident) {
    boolean[] had = {false};
    counts.computeIfPresent(
        incident,
        (id, count) -> {
          had[0] = true;
          if (count.decrementAndGet() > 0) {
            return count;
          }
          Gauge g = registry.find(gauge).tag("incident", id).gauge();
          if (g != null) {
            registry.remove(g);
          }
          return null;
        });
    return had[0];
  }

  public void halted(boolean on) {
    halted.set(on ? 1 : 0);
  }

  public void halt(Duration took) {
    Counter.builder("chaos.halts").description("Halt-all calls").register(registry).increment();
    Timer.builder("chaos.halt.duration")
        .description("From a halt-all call until every fault it reverted was gone")
        .register(registry)
        .record(took);
  }

  public void detected(String scenario, Duration after) {
    Timer.builder("chaos.detection.time")
        .description("Time to detect, from the moment the fault took effect")
        .tag("scenario", scenario)
        .publishPercentiles(0.5, 0.9)
        .register(registry)
        .record(after);
  }

  /**
   * A recovery time, tagged with what it measures so that no percentile mixes the two: {@code
   * measure="self_healing"} from the end of a time-boxed fault, {@code measure="time_to_restore"}
   * from an until-fixed incident's injection.
   */
  public void recovered(String scenario, RecoveryTime time) {
    Timer.builder("chaos.recovery.time")
        .description(
            "Recovery time: self-healing after a time-boxed fault ended, or time to restore an"
                + " until-fixed incident from the moment the fault took effect (tag measure)")
        .tag("scenario", scenario)
        .tag("measure", time.kind().name().toLowerCase(java.util.Locale.ROOT))
        .publishPercentiles(0.5, 0.9)
        .register(registry)
        .record(time.took());
  }

  /**
   * A notification or Grafana annotation of a channel (its name in the game day, or {@code
   * grafana}): {@code outcome} sent, failed (after its retries) or dropped (the queue was full).
   */
  public void notification(String channel, String outcome) {
    Counter.builder("chaos.notifications")
        .description(
            "Notifications and annotations, by channel and outcome (sent, failed, dropped)")
        .tag("channel", channel)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  public void notificationRetried(String channel) {
    Counter.builder("chaos.notifications.retries")
        .description("Attempts to send a notification again after a failure")
        .tag("channel", channel)
        .register(registry)
        .increment();
  }

  /**
   * The times of an incident that is over, per service at fault (the answer key's component), as
   * histograms that Prometheus can aggregate ({@code _bucket}). Recorded once the incident is over
   * only: while it runs, a series with its service would tell players what to look at.
   */
  public void serviceTimes(
      String service, Optional<Duration> detection, Optional<RecoveryTime> recovery) {
    detection.ifPresent(
        d ->
            Timer.builder("chaos.service.detection.time")
                .description("Time to detect, per service at fault, of incidents that are over")
                .tag("service", service)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(2))
                .register(registry)
                .record(d));
    recovery.ifPresent(
        r ->
            Timer.builder("chaos.service.recovery.time")
                .description(
                    "Recovery time per service at fault, of incidents that are over (tag measure"
                        + " as chaos_recovery_time)")
                .tag("service", service)
                .tag("measure", r.kind().name().toLowerCase(java.util.Locale.ROOT))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(2))
                .register(registry)
                .record(r.took()));
  }

  public void crashRecovered(int reverted) {
    Counter.builder("chaos.recovery.leftovers")
        .description("Faults a crashed or dead node left active, reverted by recovery")
        .register(registry)
        .increment(reverted);
  }
}
