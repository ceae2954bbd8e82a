package org.daysofchaos.core.run;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets others steer a run from outside its thread: a game master ends the fault early, a halt or a
 * signal aborts the run. Either way every injection is reverted; only the verdict differs.
 */
public final class RunControl {
  private record Request(String reason, boolean abort) {}

  private final AtomicReference<Request> request = new AtomicReference<>();

  /** Ends the fault now as a normal end: revert, then measure recovery. */
  public void endFault(String reason) {
    request.compareAndSet(null, new Request(reason, false));
  }

  /** Aborts the run: revert everything; the verdict is ABORTED. */
  public void abort(String reason) {
    request.set(new Request(reason, true));
  }

  Optional<String> endRequested() {
    return Optional.ofNullable(request.get()).map(Request::reason);
  }

  boolean abortRequested() {
    Request r = request.get();
    return r != null && r.abort();
  }
}
