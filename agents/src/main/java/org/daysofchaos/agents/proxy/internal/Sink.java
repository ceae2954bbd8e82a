package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;

/** The end of a chain: writes to the target channel, and closes it at the end of the stream. */
final class Sink extends Stage {
  private boolean ended;

  Sink(Link link) {
    super(link, null);
  }

  @Override
  void onData(ByteBuf buf, long stamp) {
    if (ended) {
      buf.release();
      return;
    }
    link.writeToTarget(buf);
  }

  @Override
  void onEnd() {
    if (!ended) {
      ended = true;
      link.closeTarget();
    }
  }
}
