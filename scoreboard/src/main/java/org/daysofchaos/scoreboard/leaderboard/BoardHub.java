package org.daysofchaos.scoreboard.leaderboard;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.daysofchaos.scoreboard.play.PlayStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes each game day's board to its viewers. A play recorded on this node pokes its board at
 * once; a short poll of the database's version of each watched board catches the rest (plays on
 * other nodes of a cluster, incidents that end, reviews). One computation per change serves every
 * viewer, and a slow viewer only ever gets the latest board. Each board is turned into JSON once
 * and the same text goes to every viewer: serializing it for each viewer took most of the push
 * thread's time with hundreds of viewers (docs/benchmarks.md, "Leaderboard and plays").
 */
public final class BoardHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BoardHub.class);

  private final Boards boards;
  private final PlayStore store;
  private final Function<BoardView, String> json;
  private final ScheduledExecutorService worker;
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();

  private final class Channel {
    final String gameDayId;
    final Set<MultiEmitter<? super String>> viewers = ConcurrentHashMap.newKeySet();
    final AtomicBoolean queued = new AtomicBoolean();

    /** The last board pushed and the version of the facts it was computed from, read together. */
    volatile Pushed last;

    /** The last board pushed, to tell a change viewers can see from one they cannot. */
    volatile BoardView lastBoard;

    Channel(String gameDayId) {
      this.gameDayId = gameDayId;
    }
  }

  private record Pushed(PlayStore.Version version, String json) {}

  /**
   * @param json writes a board as the API does (the pushed text is sent as it is)
   */
  public BoardHub(Boards boards, PlayStore store, Duration poll, Function<BoardView, String> json) {
    this.boards = boards;
    this.store = store;
    this.json = json;
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "board-push");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(20, poll.toMillis());
    worker.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * The board now, then every change, as JSON, for as long as the viewer stays. The first board is
   * the current one: the last one pushed only while the database says nothing changed since (no
   * viewer watched in between, so nothing polled), otherwise a new one, computed for every viewer.
   */
  public Multi<String> subscribe(String gameDayId) {
    return Multi.createFrom()
        .emitter(
            (MultiEmitter<? super String> viewer) -> {
              Channel channel = channels.computeIfAbsent(gameDayId, Channel::new);
              channel.viewers.add(viewer);
              viewer.onTermination(() -> channel.viewers.remove(viewer));
              Pushed last = channel.last;
              if (last != null && last.version().equals(store.version(gameDayId))) {
                viewer.emit(last.json());
              } else {
                changed(gameDayId);
              }
            },
            BackPressureStrategy.LATEST);
  }

  /** Something changed the board of a game day: recompute and push it soon, once. */
  public void changed(String gameDayId) {
    Channel channel = channels.get(gameDayId);
    if (channel != null && channel.queued.compareAndSet(false, true)) {
      worker.execute(() -> refresh(channel));
    }
  }

  public int viewers() {
    return channels.values().stream().mapToInt(c -> c.viewers.size()).sum();
  }

  private void poll() {
    for (Channel channel : channels.values()) {
      if (channel.viewers.isEmpty()) {
        continue;
      }
      try {
        Pushed last = channel.last;
        if (last == null || !store.version(channel.gameDayId).equals(last.version())) {
          channel.queued.set(true);
          refresh(channel);
        }
      } catch (RuntimeException e) {
        LOG.warn("board of {}: {}", channel.gameDayId, e.getMessage());
      }
    }
  }

  private void refresh(Channel channel) {
    channel.queued.set(false);
    try {
      PlayStore.Version version = store.version(channel.gameDayId);
      BoardView board = boards.view(boards.compute(channel.gameDayId, false), false);
      if (board.sameBoard(channel.lastBoard) && channel.last != null) {
        // Nothing viewers can see changed (on a blind game day: an incident started).
        channel.last = new Pushed(version, channel.last.json());
        return;
      }
      String view = json.apply(board);
      channel.lastBoard = board;
      channel.last = new Pushed(version, view);
      for (MultiEmitter<? super String> viewer : channel.viewers) {
        viewer.emit(view);
      }
    } catch (RuntimeException e) {
      LOG.warn("board of {} not pushed: {}", channel.gameDayId, e.getMessage());
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
    channels.values().forEach(c -> c.viewers.forEach(MultiEmitter::complete));
  }
}
