package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * reset_peer: at the next data (or end of stream) in its direction, drops it and, immediately or
 * {@code timeout} ms later, ends both sides of the connection. Once triggered the end happens even
 * if the toxic is removed, as in Toxiproxy.
 *
 * <p>As in Toxiproxy, a connection accepted while the toxic existed is reset with a TCP RST
 * (SO_LINGER 0, then close), and a connection that was already open when the toxic came is closed
 * with a FIN: a scenario then behaves the same on the embedded proxy and on a real Toxiproxy (ADR
 * 0003). A client that reconnects gets a new connection, which is reset.
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
    ProxyConnection connection = link.connection();
    Runnable end = connection.openedWith(toxic) ? connection::reset : connection::close;
    long timeout = attr("timeout");
    if (timeout == 0) {
      end.run();
    } else {
      timer = link.schedule(end, System.nanoTime() + Delays.millisToNanos(timeout));
    }
  }

  @Override
  void dispose() {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
