package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.ThreadLocalRandom;

/**
 * slicer: cuts each chunk into slices of about {@code average_size} ± {@code size_variation} bytes
 * and waits {@code delay} microseconds after each slice.
 */
final class SlicerStage extends QueuedStage {
  SlicerStage(Link link, Toxic toxic) {
    super(link, toxic);
  }

  @Override
  void onData(ByteBuf buf, long stamp) {
    enqueue(buf, stamp, 0);
    if (!timerPending()) {
      pump();
    }
  }

  @Override
  void pump() {
    while (!queue.isEmpty()) {
      Chunk head = queue.peek();
      if (head.slices == null) {
        head.slices =
            Delays.sliceSizes(
                head.buf.readableBytes(),
                (int) Math.min(Integer.MAX_VALUE, attr("average_size")),
                (int) Math.min(Integer.MAX_VALUE, attr("size_variation")),
                ThreadLocalRandom.current());
      }
      int size = head.slices[head.sliceIndex++];
      ByteBuf slice =
          head.sliceIndex >= head.slices.length || size >= head.buf.readableBytes()
              ? poll().buf
              : takeFromHead(size);
      next.onData(slice, head.stamp);
      if (link.isDisposed()) {
        return;
      }
      long delayMicros = attr("delay");
      if (delayMicros > 0) {
        scheduleAt(System.nanoTime() + Math.min(delayMicros, Delays.MAX_MILLIS) * 1000);
        return;
      }
    }
    afterDrain();
  }
}
