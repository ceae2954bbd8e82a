package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;

/**
 * One toxic applied to one direction of one connection: data enters with {@link #onData}, leaves
 * through {@link #next}. All methods run on the connection's event loop.
 */
abstract class Stage {
  final Link link;
  Toxic toxic;
  Stage next;

  Stage(Link link, Toxic toxic) {
    this.link = link;
    this.toxic = toxic;
  }

  /** Takes ownership of {@code buf}. {@code stamp} is when the data reached this stage (nanos). */
  abstract void onData(ByteBuf buf, long stamp);

  /** The source closed: propagate the end once everything held has gone through. */
  void onEnd() {
    next.onEnd();
  }

  /**
   * Called once, after the stage was linked into the chain. {@code since} (nanos) is when the toxic
   * took effect on this connection: when its chain was published, or when the connection opened if
   * later; the push to the event loop comes a little after.
   */
  void start(long since) {}

  /** The toxic's attributes changed; the stage keeps its state (queues, counters). */
  void update(Toxic updated) {
    this.toxic = updated;
  }

  /**
   * The toxic was removed: hand anything held to {@code successor} at once, in order, as Toxiproxy
   * never drops data on removal.
   */
  void remove(Stage successor) {}

  /** The connection is gone: release buffers, cancel timers. */
  void dispose() {}

  long attr(String name) {
    return toxic.attr(name);
  }
}
