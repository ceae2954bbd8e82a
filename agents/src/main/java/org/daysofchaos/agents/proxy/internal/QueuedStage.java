package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;

/** A stage that holds chunks and releases them on a timer (latency, bandwidth, slicer). */
abstract class QueuedStage extends Stage {
  /** Chunks due within this margin are released together with the one the timer fired for. */
  static final long SLACK_NANOS = 20_000;

  static final class Chunk {
    final ByteBuf buf;
    final long stamp;
    long due;
    int[] slices;
    int sliceIndex;

    Chunk(ByteBuf buf, long stamp, long due) {
      this.buf = buf;
      this.stamp = stamp;
      this.due = due;
    }
  }

  final ArrayDeque<Chunk> queue = new ArrayDeque<>();
  private ScheduledFuture<?> timer;
  private boolean endPending;

  QueuedStage(Link link, Toxic toxic) {
    super(link, toxic);
  }

  /** Releases what is due; called by the timer. */
  abstract void pump();

  final void enqueue(ByteBuf buf, long stamp, long due) {
    queue.add(new Chunk(buf, stamp, due));
    link.hold(buf.readableBytes());
  }

  final Chunk poll() {
    Chunk chunk = queue.poll();
    link.release(chunk.buf.readableBytes());
    return chunk;
  }

  /** The first {@code bytes} of the head chunk, which stays queued with the rest. */
  final ByteBuf takeFromHead(int bytes) {
    ByteBuf slice = queue.peek().buf.readRetainedSlice(bytes);
    link.release(bytes);
    return slice;
  }

  final boolean timerPending() {
    return timer != null;
  }

  final void scheduleAt(long due) {
    cancelTimer();
    timer =
        link.schedule(
            () -> {
              timer = null;
              if (!link.isDisposed()) {
                pump();
              }
            },
            due);
  }

  final void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  /** Propagates a pending end once the queue is empty. */
  final void afterDrain() {
    if (queue.isEmpty() && endPending && !timerPending()) {
      endPending = false;
      next.onEnd();
    }
  }

  @Override
  void onEnd() {
    endPending = true;
    afterDrain();
  }

  @Override
  void remove(Stage successor) {
    cancelTimer();
    while (!queue.isEmpty()) {
      Chunk chunk = poll();
      successor.onData(chunk.buf, chunk.stamp);
    }
    if (endPending) {
      endPending = false;
      successor.onEnd();
    }
  }

  @Override
  void dispose() {
    cancelTimer();
    while (!queue.isEmpty()) {
      poll().buf.release();
    }
  }
}
