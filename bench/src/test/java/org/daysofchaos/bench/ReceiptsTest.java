package org.daysofchaos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiptsTest {
  private static BoardCounts board(long at, int detectedByA, int diagnosedByA, int detectedByB) {
    return new BoardCounts(0, at, new int[][] {{detectedByA, diagnosedByA}, {detectedByB, 0}});
  }

  @Test
  void eachEventIsSeenWithTheFirstBoardThatCountsIt() {
    Receipts r = new Receipts(2);
    r.record(board(100, 0, 0, 0), 100);
    r.record(board(200, 2, 0, 1), 200);
    r.record(board(300, 3, 1, 1), 300);

    assertThat(r.seenAt(0, BoardCounts.DETECT, 0)).isEqualTo(200);
    assertThat(r.seenAt(0, BoardCounts.DETECT, 1)).isEqualTo(200);
    assertThat(r.seenAt(0, BoardCounts.DETECT, 2)).isEqualTo(300);
    assertThat(r.seenAt(0, BoardCounts.DIAGNOSE, 0)).isEqualTo(300);
    assertThat(r.seenAt(1, BoardCounts.DETECT, 0)).isEqualTo(200);
  }

  @Test
  void anEventNoBoardShowedYetIsNotSeen() {
    Receipts r = new Receipts(2);
    r.record(board(100, 1, 0, 0), 100);

    assertThat(r.seenAt(0, BoardCounts.DETECT, 1)).isEqualTo(-1);
    assertThat(r.seenAt(1, BoardCounts.DETECT, 0)).isEqualTo(-1);
  }

  @Test
  void aBoardReadLateStillGivesItsEarlierTime() {
    Receipts r = new Receipts(2);
    r.record(board(300, 3, 0, 0), 300);
    r.record(board(200, 1, 0, 0), 200); // parsed second by another thread, computed first

    assertThat(r.seenAt(0, BoardCounts.DETECT, 0)).isEqualTo(200);
    assertThat(r.seenAt(0, BoardCounts.DETECT, 1)).isEqualTo(300);
    assertThat(r.seenAt(0, BoardCounts.DETECT, 2)).isEqualTo(300);
  }

  @Test
  void reachesABoardOnlyOnceEveryCountOfItWasSeen() {
    Receipts r = new Receipts(2);
    r.record(board(100, 2, 1, 0), 100);

    assertThat(r.reached(board(0, 2, 1, 0))).isTrue();
    assertThat(r.reached(board(0, 2, 1, 1))).isFalse();
    assertThat(r.reached(board(0, 2, 2, 0))).isFalse();
  }
}
