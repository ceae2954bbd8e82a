package org.daysofchaos.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The levers an on-call engineer has on the demo, shared by the ops API that moves them and the
 * booking service that obeys them, with the log of every pull: a game master (and a test) can tell
 * when a team acted.
 */
final class Levers {
  /** One pull of a lever, and who pulled it (as the game-day server named them). */
  record Pull(Instant at, String lever, String outcome, String by) {}

  private static final int KEPT = 100;

  private final Clock clock;
  private final AtomicReference<LeverState> state = new AtomicReference<>(LeverState.DEFAULTS);
  private final Deque<Pull> pulls = new ArrayDeque<>();

  Levers(Clock clock) {
    this.clock = clock;
  }

  LeverState current() {
    return state.get();
  }

  /** Moves the levers and logs it; returns the new positions. */
  LeverState pull(String lever, String by, UnaryOperator<LeverState> change) {
    LeverState after = state.updateAndGet(change);
    log(lever, "ok", by);
    return after;
  }

  /** Logs a pull that is not a position, such as a restart. */
  void log(String lever, String outcome, String by) {
    synchronized (pulls) {
      pulls.addLast(new Pull(clock.instant(), lever, outcome, by));
      while (pulls.size() > KEPT) {
        pulls.removeFirst();
      }
    }
  }

  /** The latest pulls, oldest first. */
  List<Pull> pulls() {
    synchronized (pulls) {
      return List.copyOf(pulls);
    }
  }
}
