package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;

/**
 * bandwidth: lets data through at {@code rate} KB/s (1 KB = 1000 bytes, as Toxiproxy computes it),
 * in slices of 10 ms worth of data, each slice leaving once its transmission time has passed. A
 * virtual clock carries the schedule, so a late timer does not lower the rate. Rate 0 lets nothing
 * through until the toxic is updated or removed.
 */
final class BandwidthStage extends QueuedStage {
  private long clock = Long.MIN_VALUE;

  BandwidthStage(Link link, Toxic toxic) {
    super(link, toxic);
  }

  @Override
  void onData(ByteBuf buf, long stamp) {
    if (queue.isEmpty()) {
      clock = Math.max(clock, System.nanoTime());
    }
    enqueue(buf, stamp, 0);
    if (!timerPending()) {
      pump();
    }
  }

  @Override
  void pump() {
    long rate = attr("rate");
    if (rate <= 0) {
      return;
    }
    long now = System.nanoTime();
    int sliceBytes = Delays.bandwidthSliceBytes(rate);
    while (!queue.isEmpty()) {
      Chunk head = queue.peek();
      int size = Math.min(head.buf.readableBytes(), sliceBytes);
      long due = clock + Delays.transmissionNanos(size, rate);
      if (due - now > SLACK_NANOS) {
        scheduleAt(due);
        return;
      }
      clock = due;
      ByteBuf slice = size == head.buf.readableBytes() ? poll().buf : takeFromHead(size);
      next.onData(slice, due);
      if (link.isDisposed()) {
        return;
      }
    }
    afterDrain();
  }

  @Override
  void update(Toxic updated) {
    super.update(updated);
    clock = Math.max(clock, System.nanoTime());
    cancelTimer();
    pump();
  }
}
