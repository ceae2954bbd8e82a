package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One direction of one connection: data read from {@code source} goes through the stages of the
 * toxics that apply to it and is written to {@code target}. Confined to the connection's event
 * loop.
 *
 * <p>With no toxic the chain is empty and a read buffer is written to the target as it is (no
 * copy), flushed once per read batch; reading stops while the target is not writable (autoRead off)
 * and resumes when it drains, so a slow reader slows the writer instead of filling memory. With
 * toxics the same holds, plus a cap on the bytes held inside the stages.
 */
final class Link {
  /** Stop reading when stages hold more than this... */
  static final int HIGH_WATER = 4 << 20;

  /** ...and resume below this. */
  static final int LOW_WATER = 1 << 20;

  private static final class Slot {
    Toxic toxic;
    Stage stage;
    int order;

    Slot(Toxic toxic, int order) {
      this.toxic = toxic;
      this.order = order;
    }
  }

  private final ProxyConnection connection;
  private final Direction direction;
  private final Channel source;
  private final Channel target;
  private final Sink sink;

  private ToxicChain applied;
  private List<Slot> slots = List.of();
  private Stage head;
  private long held;
  private boolean paused;
  private boolean inRead;
  private boolean flushPending;
  private boolean disposed;

  Link(ProxyConnection connection, Direction direction, Channel source, Channel target) {
    this.connection = connection;
    this.direction = direction;
    this.source = source;
    this.target = target;
    this.sink = new Sink(this);
    this.head = sink;
  }

  ProxyConnection connection() {
    return connection;
  }

  boolean isDisposed() {
    return disposed;
  }

  /** Applies the proxy's current toxics if they changed since the last look. */
  void refresh() {
    ToxicChain current = connection.proxy().toxics();
    if (current != applied) {
      sync(current);
    }
  }

  // ---- events from the channels --------------------------------------------------------------

  void onRead(ByteBuf buf) {
    if (disposed) {
      buf.release();
      return;
    }
    inRead = true;
    ToxicChain current = connection.proxy().toxics();
    if (current != applied) {
      sync(current);
    }
    if (head == sink) {
      target.write(buf, target.voidPromise());
      flushPending = true;
    } else {
      head.onData(buf, System.nanoTime());
    }
    if (!paused && (held > HIGH_WATER || !target.isWritable())) {
      paused = true;
      source.config().setAutoRead(false);
    }
  }

  void onReadComplete() {
    inRead = false;
    if (flushPending) {
      flushPending = false;
      target.flush();
    }
  }

  void onSourceClosed() {
    if (disposed) {
      return;
    }
    onReadComplete();
    refresh();
    head.onEnd();
  }

  void onTargetClosed() {
    dispose();
  }

  void onTargetWritabilityChanged() {
    maybeResume();
  }

  // ---- services for the stages ---------------------------------------------------------------

  void writeToTarget(ByteBuf buf) {
    target.write(buf, target.voidPromise());
    if (inRead) {
      flushPending = true;
    } else {
      target.flush();
    }
    if (!paused && !target.isWritable()) {
      paused = true;
      source.config().setAutoRead(false);
    }
  }

  void closeTarget() {
    flushPending = false;
    if (target.isActive()) {
      target.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    } else {
      target.close();
    }
  }

  void hold(int bytes) {
    held += bytes;
  }

  void release(int bytes) {
    held -= bytes;
    if (paused && held <= LOW_WATER) {
      maybeResume();
    }
  }

  ScheduledFuture<?> schedule(Runnable task, long dueNanos) {
    return source
        .eventLoop()
        .schedule(task, Math.max(0, dueNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private void maybeResume() {
    if (paused && !disposed && held <= LOW_WATER && target.isWritable()) {
      paused = false;
      source.config().setAutoRead(true);
    }
  }

  // ---- toxics --------------------------------------------------------------------------------

  /**
   * Makes the stages match {@code chain}: new toxics get a stage (if the per-connection toxicity
   * draw says so) at the end, updated ones are updated in place (drawn again only when their
   * toxicity changed), removed ones hand what they hold to the stage that now follows them.
   */
  void sync(ToxicChain chain) {
    if (disposed) {
      return;
    }
    // A toxic takes effect when its chain is published, or when the connection opens if later.
    long since =
        applied == null ? System.nanoTime() : Math.min(chain.madeNanos(), System.nanoTime());
    applied = chain;
    List<Toxic> wanted = chain.forDirection(direction);
    if (wanted.isEmpty() && slots.isEmpty()) {
      return;
    }
    Map<Long, Slot> previous = new HashMap<>();
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      slot.order = i;
      previous.put(slot.toxic.id(), slot);
    }
    List<Slot> kept = new ArrayList<>(wanted.size());
    List<Slot> retired = new ArrayList<>();
    List<Stage> started = new ArrayList<>();
    for (Toxic toxic : wanted) {
      Slot slot = previous.remove(toxic.id());
      if (slot == null) {
        slot = new Slot(toxic, Integer.MAX_VALUE);
        if (draw(toxic)) {
          slot.stage = toxic.type().newStage(this, toxic);
          started.add(slot.stage);
        }
      } else if (slot.toxic.revision() != toxic.revision()) {
        boolean redraw = slot.toxic.toxicity() != toxic.toxicity();
        boolean active = redraw ? draw(toxic) : slot.stage != null;
        if (active && slot.stage == null) {
          slot.stage = toxic.type().newStage(this, toxic);
          started.add(slot.stage);
        } else if (!active && slot.stage != null) {
          Slot gone = new Slot(slot.toxic, slot.order);
          gone.stage = slot.stage;
          retired.add(gone);
          slot.stage = null;
        } else if (active) {
          slot.stage.update(toxic);
        }
        slot.toxic = toxic;
      }
      kept.add(slot);
    }
    for (Slot gone : previous.values()) {
      if (gone.stage != null) {
        retired.add(gone);
      }
    }
    slots = kept;

    Stage last = null;
    head = sink;
    for (Slot slot : kept) {
      if (slot.stage != null) {
        if (last == null) {
          head = slot.stage;
        } else {
          last.next = slot.stage;
        }
        last = slot.stage;
      }
    }
    if (last != null) {
      last.next = sink;
    }
    for (Stage stage : started) {
      stage.start(since);
    }
    // The furthest downstream holds the oldest data: hand it over first.
    retired.sort(Comparator.comparingInt((Slot s) -> s.order).reversed());
    for (Slot gone : retired) {
      Stage successor = sink;
      for (Slot slot : kept) {
        if (slot.stage != null && slot.order > gone.order) {
          successor = slot.stage;
          break;
        }
      }
      gone.stage.remove(successor);
      if (disposed) {
        return;
      }
    }
  }

  private static boolean draw(Toxic toxic) {
    return ThreadLocalRandom.current().nextFloat() < toxic.toxicity();
  }

  /** The connection is gone: drop what the stages hold. Idempotent. */
  void dispose() {
    if (disposed) {
      return;
    }
    disposed = true;
    for (Slot slot : slots) {
      if (slot.stage != null) {
        slot.stage.dispose();
      }
    }
    slots = List.of();
    head = sink;
  }
}
