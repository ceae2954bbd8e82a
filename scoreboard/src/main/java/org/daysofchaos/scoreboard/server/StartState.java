package org.daysofchaos.scoreboard.server;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Where this node is in its start and stop, as {@link ServerLifecycle} moves it, and when its
 * heartbeat last reached the database: what the readiness and liveness checks ({@link
 * ServerHealth}) answer from.
 */
@ApplicationScoped
public class StartState {
  /** The phases of a node, in order. */
  public enum Phase {
    /** Quarkus is up, the server's own start has not begun or not got past the targets. */
    STARTING,
    /** Crash recovery is reverting what this node left active: no game may run yet. */
    RECOVERING,
    /** Recovery is done, the node is in the cluster and its schedule runs. */
    READY,
    /** Stopping: runs are being aborted and reverted. */
    STOPPING
  }

  private volatile Phase phase = Phase.STARTING;
  private volatile Instant lastHeartbeat;
  private volatile Instant lastTick;

  public Phase phase() {
    return phase;
  }

  void phase(Phase next) {
    phase = next;
  }

  /** The node's heartbeat was written at {@code at}. */
  void heartbeat(Instant at) {
    lastHeartbeat = at;
    lastTick = at;
  }

  /** The heartbeat task ran at {@code at}, whether or not it reached the database. */
  void tick(Instant at) {
    lastTick = at;
  }

  Optional<Instant> lastHeartbeat() {
    return Optional.ofNullable(lastHeartbeat);
  }

  Optional<Instant> lastTick() {
    return Optional.ofNullable(lastTick);
  }
}
