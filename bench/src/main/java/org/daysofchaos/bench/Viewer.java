package org.daysofchaos.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One person watching the leaderboard: a server-sent-events stream of the board, read line by line.
 * The moment each board arrives is taken as the line reaches this JVM, before anything is parsed.
 */
final class Viewer implements Flow.Subscriber<String> {
  /**
   * Every viewer receives the same boards: each distinct one is parsed once and shared, and the
   * first parse of a board records when the server computed it.
   */
  static final class Boards {
    private final List<String> teams;
    private final Receipts computed;
    private final Map<String, BoardCounts> parsed = new ConcurrentHashMap<>();
    private final AtomicInteger distinct = new AtomicInteger();

    Boards(List<String> teams) {
      this.teams = teams;
      this.computed = new Receipts(teams.size());
    }

    BoardCounts read(String json) {
      if (parsed.size() > 512) {
        parsed.clear(); // old boards are not sent again; a rare second parse changes nothing
      }
      return parsed.computeIfAbsent(json, this::parse);
    }

    private BoardCounts parse(String json) {
      try {
        BoardCounts board = BoardCounts.read(Api.JSON.readTree(json), teams);
        computed.record(board, board.generatedAt());
        distinct.incrementAndGet();
        return board;
      } catch (IOException e) {
        throw new UncheckedIOException("a pushed board is not JSON: " + e.getMessage(), e);
      }
    }

    /** When the server first computed a board that included each event. */
    Receipts computed() {
      return computed;
    }

    int distinct() {
      return distinct.get();
    }
  }

  private final Boards boards;
  private final Receipts receipts;
  private final CompletableFuture<Void> firstBoard = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;
  private volatile boolean open;
  private volatile boolean connected;
  private volatile String failure;

  private Viewer(Boards boards) {
    this.boards = boards;
    this.receipts = new Receipts(boards.teams.size());
  }

  /** Opens the stream of a game day's board with the given account's token. */
  static Viewer open(HttpClient http, Api account, String gameDay, Boards boards) {
    Viewer viewer = new Viewer(boards);
    HttpRequest request =
        account
            .request("/api/gamedays/" + gameDay + "/board/stream")
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    http.sendAsync(
            request,
            info -> {
              if (info.statusCode() != 200) {
                viewer.fail("the stream answered " + info.statusCode());
                return HttpResponse.BodySubscribers.discarding();
              }
              viewer.open = true;
              return HttpResponse.BodySubscribers.fromLineSubscriber(viewer);
            })
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                viewer.fail(error.toString());
              }
            });
    return viewer;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
    long now = BoardCounts.micros(Instant.now());
    if (line.startsWith("data:")) {
      receipts.record(boards.read(line.substring("data:".length()).strip()), now);
      connected = true;
      firstBoard.complete(null);
    }
  }

  @Override
  public void onError(Throwable error) {
    fail(error.toString());
  }

  @Override
  public void onComplete() {
    if (open) {
      fail("the server ended the stream");
    }
  }

  private void fail(String why) {
    open = false;
    if (failure == null) {
      failure = why;
    }
    firstBoard.complete(null);
  }

  CompletableFuture<Void> firstBoard() {
    return firstBoard;
  }

  /** True once the first board arrived: the viewer counts from then on, even if it drops out. */
  boolean connected() {
    return connected;
  }

  boolean isOpen() {
    return open;
  }

  String failure() {
    return failure;
  }

  Receipts receipts() {
    return receipts;
  }

  /** Leaves: the connection is closed. */
  void close() {
    open = false;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
