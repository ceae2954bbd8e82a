package org.daysofchaos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoardCountsTest {
  private static final String BOARD =
      """
      {"gameDayId":"play-1","version":42,"generatedAt":"2026-11-22T02:00:00.123456Z",
       "standings":[
         {"rank":1,"team":"t02","points":900,"detected":3,"diagnosed":2,"recovered":0},
         {"rank":2,"team":"other","points":10,"detected":9,"diagnosed":9,"recovered":0},
         {"rank":3,"team":"t01","points":0,"detected":1,"diagnosed":0,"recovered":0}],
       "recent":[]}
      """;

  @Test
  void readsEachBenchTeamsCountsInTheBenchsOrder() throws Exception {
    BoardCounts board = BoardCounts.read(Api.JSON.readTree(BOARD), List.of("t01", "t02", "t03"));

    assertThat(board.version()).isEqualTo(42);
    assertThat(board.count(0, BoardCounts.DETECT)).isEqualTo(1);
    assertThat(board.count(0, BoardCounts.DIAGNOSE)).isZero();
    assertThat(board.count(1, BoardCounts.DETECT)).isEqualTo(3);
    assertThat(board.count(1, BoardCounts.DIAGNOSE)).isEqualTo(2);
    assertThat(board.count(2, BoardCounts.DETECT)).isZero();
  }

  @Test
  void keepsTheMicrosecondsOfGeneratedAt() throws Exception {
    BoardCounts board = BoardCounts.read(Api.JSON.readTree(BOARD), List.of("t01"));

    assertThat(board.generatedAt())
        .isEqualTo(BoardCounts.micros(Instant.parse("2026-11-22T02:00:00Z")) + 123_456);
  }
}
