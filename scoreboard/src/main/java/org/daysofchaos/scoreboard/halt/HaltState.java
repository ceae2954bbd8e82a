package org.daysofchaos.scoreboard.halt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.daysofchaos.scoreboard.metrics.ChaosMetrics;
import org.daysofchaos.scoreboard.persistence.HaltStore;

/**
 * Whether halt-all is in effect, since when, by whom and why. The switch lives in the database, so
 * every node of a cluster obeys it and a halted server starts halted; this node keeps a copy, which
 * the gate in front of every injector reads without a database call. Turning it on here blocks at
 * once; a halt made on another node is seen at the next {@link #refresh()}.
 */
@ApplicationScoped
public class HaltState {
  @Inject HaltStore store;
  @Inject ChaosMetrics metrics;

  private final AtomicReference<HaltStore.State> state =
      new AtomicReference<>(new HaltStore.State(false, null, null, null));

  public HaltStore.State current() {
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

  /** Blocks injections: on this node at once, then on every node through the database. */
  public HaltStore.State turnOn(String actor, String reason, Instant at) {
    HaltStore.State on = new HaltStore.State(true, at, actor, reason);
    synchronized (this) {
      state.set(on);
      store.set(true, actor, reason, at);
    }
    metrics.halted(true);
    return on;
  }

  /** Allows injections again, everywhere. */
  public HaltStore.State turnOff(String actor, Instant at) {
    HaltStore.State off = new HaltStore.State(false, at, actor, null);
    synchronized (this) {
      store.set(false, actor, null, at);
      state.set(off);
    }
    metrics.halted(false);
    return off;
  }

  /**
   * Reads the switch from the database (every node does, about four times a second).
   *
   * @return the switch, when this read found it turned on since the last one (on another node)
   */
  public Optional<HaltStore.State> refresh() {
    HaltStore.State stored;
    HaltStore.State before;
    synchronized (this) {
      stored = store.get();
      before = state.getAndSet(stored);
    }
    metrics.halted(stored.halted());
    return stored.halted() && !before.halted() ? Optional.of(stored) : Optional.empty();
  }
}
