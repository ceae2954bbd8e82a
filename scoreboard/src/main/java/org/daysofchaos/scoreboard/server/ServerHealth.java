package org.daysofchaos.scoreboard.server;

import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.daysofchaos.scoreboard.targets.Targets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The server's health for Kubernetes' probes, at {@code /q/health/live} and {@code
 * /q/health/ready}. Those answer anyone (a kubelet does not sign in), so every check is a name and
 * UP or DOWN, and nothing else: no scenario, no fault, no target name, no error message, during a
 * blind game day as at any other time (docs/security.md). The game master's details are in {@code
 * /api/status} and the log.
 *
 * <p>Ready means: crash recovery has reverted what this node left active, the node has joined the
 * cluster (its heartbeat is fresh, so no other node takes its faults over), the schedule runs, the
 * database answers and the targets of the environment file are wired. A target that does not answer
 * does not make the node unready: during a game day that is the point.
 */
@ApplicationScoped
public class ServerHealth {
  @Inject StartState state;
  @Inject Instance<DataSource> dataSource;
  @Inject Instance<Scheduler> scheduler;
  @Inject Instance<Targets> targets;
  @Inject Clock clock;

  /** A node whose heartbeat is older than this is dead to the others (Recovery). */
  @ConfigProperty(name = "chaos.node.dead-after", defaultValue = "10s")
  Duration deadAfter;

  /** A heartbeat task silent for this long is stuck: the process should be restarted. */
  @ConfigProperty(name = "chaos.health.stuck-after", defaultValue = "60s")
  Duration stuckAfter;

  @Produces
  @Readiness
  HealthCheck started() {
    return () -> check("recovered", state.phase() == StartState.Phase.READY);
  }

  @Produces
  @Readiness
  HealthCheck cluster() {
    return () -> check("cluster", state.lastHeartbeat().map(this::fresh).orElse(false));
  }

  @Produces
  @Readiness
  HealthCheck database() {
    return () -> check("database", databaseAnswers());
  }

  @Produces
  @Readiness
  HealthCheck schedule() {
    return () -> check("schedule", scheduler.isResolvable() && scheduler.get().isRunning());
  }

  @Produces
  @Readiness
  HealthCheck targetsWired() {
    return () -> check("targets", targets.isResolvable() && wired(targets.get()));
  }

  /**
   * Alive unless the heartbeat task stopped running: a node that cannot reach its database is not
   * ready, but restarting it would not help, while a stuck task will not come back by itself.
   */
  @Produces
  @Liveness
  HealthCheck heartbeatTask() {
    return () ->
        check(
            "heartbeat-task",
            state.phase() != StartState.Phase.READY
                || state.lastTick().map(t -> within(t, stuckAfter)).orElse(false));
  }

  private boolean fresh(Instant beat) {
    return within(beat, deadAfter);
  }

  private boolean within(Instant at, Duration limit) {
    return Duration.between(at, clock.instant()).compareTo(limit) < 0;
  }

  private boolean databaseAnswers() {
    if (!dataSource.isResolvable()) {
      return false;
    }
    try (Connection c = dataSource.get().getConnection()) {
      return c.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  private static boolean wired(Targets t) {
    try {
      t.wiring();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static HealthCheckResponse check(String name, boolean up) {
    return HealthCheckResponse.named(name).status(up).build();
  }
}
