package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;

/**
 * limit_data: lets {@code bytes} bytes through, then ends the stream. The count survives updates of
 * the toxic, as Toxiproxy keeps it in the toxic's per-connection state.
 */
final class LimitDataStage extends Stage {
  private long transmitted;
  private boolean ended;

  LimitDataStage(Link link, Toxic toxic) {
    super(link, toxic);
  }

  @Override
  void onData(ByteBuf buf, long stamp) {
    if (ended) {
      buf.release();
      return;
    }
    long remaining = attr("bytes") - transmitted;
    if (remaining < buf.readableBytes()) {
      ByteBuf head = remaining > 0 ? buf.readRetainedSlice((int) remaining) : null;
      buf.release();
      buf = head;
    }
    if (buf != null) {
      transmitted += buf.readableBytes();
      next.onData(buf, stamp);
    }
    if (attr("bytes") - transmitted <= 0) {
      ended = true;
      next.onEnd();
    }
  }

  @Override
  void onEnd() {
    if (!ended) {
      ended = true;
      next.onEnd();
    }
  }
}
