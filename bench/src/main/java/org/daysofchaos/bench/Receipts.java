package org.daysofchaos.bench;

/**
 * When each scoring event first showed on the boards someone received: for every team and kind, the
 * time at which the count first reached 1, 2, 3… Fed with the boards one viewer received it gives
 * that viewer's receipt times; fed with the boards' own {@code generatedAt} it gives when the
 * server first computed a board that included each event.
 */
final class Receipts {
  private final Longs[][] firstSeen;
  private long latest = Long.MIN_VALUE;

  Receipts(int teams) {
    firstSeen = new Longs[teams][2];
    for (Longs[] kinds : firstSeen) {
      kinds[BoardCounts.DETECT] = new Longs();
      kinds[BoardCounts.DIAGNOSE] = new Longs();
    }
  }

  /**
   * A board seen at {@code micros}: each event it is the first to show is seen then. Boards may
   * arrive out of order (two threads reading two pushes); an earlier time then wins.
   */
  synchronized void record(BoardCounts board, long micros) {
    boolean inOrder = micros >= latest;
    latest = Math.max(latest, micros);
    for (int team = 0; team < firstSeen.length; team++) {
      for (int kind = 0; kind < 2; kind++) {
        Longs seen = firstSeen[team][kind];
        int count = board.count(team, kind);
        if (!inOrder) {
          for (int k = 0; k < Math.min(count, seen.size()); k++) {
            seen.set(k, Math.min(seen.get(k), micros));
          }
        }
        while (seen.size() < count) {
          seen.add(micros);
        }
      }
    }
  }

  /** When the team's {@code ordinal}-th (0-based) event of this kind was first seen, or -1. */
  synchronized long seenAt(int team, int kind, int ordinal) {
    Longs seen = firstSeen[team][kind];
    return ordinal < seen.size() ? seen.get(ordinal) : -1;
  }

  /** True once every count of {@code board} has been seen. */
  synchronized boolean reached(BoardCounts board) {
    for (int team = 0; team < firstSeen.length; team++) {
      for (int kind = 0; kind < 2; kind++) {
        if (firstSeen[team][kind].size() < board.count(team, kind)) {
          return false;
        }
      }
    }
    return true;
  }
}
