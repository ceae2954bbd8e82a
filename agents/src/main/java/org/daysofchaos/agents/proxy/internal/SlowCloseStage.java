package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;

/** slow_close: data passes; the close is passed on {@code delay} ms late. */
final class SlowCloseStage extends Stage {
  private ScheduledFuture<?> timer;

  SlowCloseStage(Link link, Toxic toxic) {
    super(link, toxic);
  }

  @Override
  void onData(ByteBuf buf, long stamp) {
    next.onData(buf, stamp);
  }

  @Override
  void onEnd() {
    if (timer != null) {
      return;
    }
    long delay = attr("delay");
    if (delay == 0) {
      next.onEnd();
      return;
    }
    timer =
        link.schedule(
            () -> {
              if (!link.isDisposed()) {
                next.onEnd();
              }
            },
            System.nanoTime() + Delays.millisToNanos(delay));
  }

  @Override
  void remove(Stage successor) {
    if (timer != null && timer.cancel(false)) {
      successor.onEnd();
    }
  }

  @Override
  void dispose() {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
