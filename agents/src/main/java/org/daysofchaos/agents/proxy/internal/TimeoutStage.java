package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * timeout: drops all data; ends the stream {@code timeout} ms after the toxic took effect or after
 * the last chunk it dropped (Toxiproxy restarts its timer for every chunk); 0 never ends it.
 * Removing the toxic ends the stream too, as Toxiproxy does, because the data dropped has broken
 * it.
 */
final class TimeoutStage extends Stage {
  private ScheduledFuture<?> timer;
  private boolean ended;

  TimeoutStage(Link link, Toxic toxic) {
    super(link, toxic);
  }

  /** Counted from when the toxic took effect, not from when the event loop heard of it. */
  @Override
  void start(long since) {
    arm(since);
  }

  private void arm() {
    arm(System.nanoTime());
  }

  private void arm(long since) {
    cancel();
    long timeout = attr("timeout");
    if (timeout > 0) {
      timer = link.schedule(this::fire, since + Delays.millisToNanos(timeout));
    }
  }

  private void fire() {
    timer = null;
    if (!ended && !link.isDisposed()) {
      ended = true;
      next.onEnd();
    }
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  @Override
  void onData(ByteBuf buf, long stamp) {
    buf.release();
    if (!ended) {
      arm();
    }
  }

  @Override
  void onEnd() {
    if (!ended) {
      ended = true;
      cancel();
      next.onEnd();
    }
  }

  @Override
  void update(Toxic updated) {
    super.update(updated);
    if (!ended) {
      arm();
    }
  }

  @Override
  void remove(Stage successor) {
    cancel();
    if (!ended) {
      ended = true;
      successor.onEnd();
    }
  }

  @Override
  void dispose() {
    cancel();
  }
}
