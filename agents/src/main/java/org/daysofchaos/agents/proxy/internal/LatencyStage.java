package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.ThreadLocalRandom;

/**
 * latency: every chunk leaves {@code latency} ± {@code jitter} ms after it reached the stage, never
 * before the chunk ahead of it. Timers are the event loop's, so a 10 ms toxic adds 10 ms (epoll
 * timers are precise to tens of microseconds), not a tick-rounded value.
 */
final class LatencyStage extends QueuedStage {
  private long lastRelease = Long.MIN_VALUE;

  LatencyStage(Link link, Toxic toxic) {
    super(link, toxic);
  }

  private long delay() {
    return Delays.latencyNanos(attr("latency"), attr("jitter"), ThreadLocalRandom.current());
  }

  @Override
  void onData(ByteBuf buf, long stamp) {
    long due = Delays.releaseAt(lastRelease, stamp, delay());
    lastRelease = due;
    if (queue.isEmpty() && due - System.nanoTime() <= SLACK_NANOS) {
      next.onData(buf, due);
      return;
    }
    enqueue(buf, stamp, due);
    if (queue.size() == 1) {
      scheduleAt(due);
    }
  }

  @Override
  void pump() {
    long now = System.nanoTime();
    while (!queue.isEmpty() && queue.peek().due - now <= SLACK_NANOS) {
      Chunk chunk = poll();
      next.onData(chunk.buf, chunk.due);
      if (link.isDisposed()) {
        return;
      }
    }
    if (!queue.isEmpty()) {
      scheduleAt(queue.peek().due);
    } else {
      afterDrain();
    }
  }

  /** Chunks still held are rescheduled from when they arrived, with the new latency and jitter. */
  @Override
  void update(Toxic updated) {
    super.update(updated);
    long previous = Long.MIN_VALUE;
    for (Chunk chunk : queue) {
      chunk.due = Delays.releaseAt(previous, chunk.stamp, delay());
      previous = chunk.due;
    }
    lastRelease = previous;
    if (!queue.isEmpty()) {
      scheduleAt(queue.peek().due);
    }
  }
}
