package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * reset_peer: at the next data (or end of stream) in its direction, drops it and, immediately or
 * {@code timeout} ms later, resets both sides of the connection with a TCP RST (SO_LINGER 0, then
 * close). Once triggered the reset happens even if the toxic is removed, as in Toxiproxy.
 */
final class ResetPeerStage extends Stage {
  private ScheduledFuture<?> timer;
  private boolean triggered;

  ResetPeerStage(Link link, Toxic toxic) {
    super(link, toxic);
  }

  @Override
  void onData(ByteBuf buf, long stamp) {
    buf.release();
    trigger();
  }

  @Override
  void onEnd() {
    trigger();
  }

  private void trigger() {
    if (triggered) {
      return;
    }
    triggered = true;
    long timeout = attr("timeout");
    if (timeout == 0) {
      link.connection().reset();
    } else {
      ProxyConnection connection = link.connection();
      timer = link.schedule(connection::reset, System.nanoTime() + Delays.millisToNanos(timeout));
    }
  }

  @Override
  void dispose() {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
