package org.daysofchaos.scoreboard.leaderboard;

import java.time.Instant;
import java.util.List;

/**
 * The leaderboard as the pages show it and the push sends it: ranks, points, per-stage progress and
 * recent scoring events. Nothing in it names a scenario: that would give answers away.
 *
 * @param version grows with every change of the facts the board is computed from
 * @param frozenAt when the public board was frozen, or null
 * @param live true when computed past a freeze (the game master's view)
 * @param incidents incidents fired so far; null on the public board of a blind game day
 * @param openIncidents incidents running now; null on the public board of a blind game day
 */
public record BoardView(
    String gameDayId,
    String name,
    String state,
    long version,
    Instant generatedAt,
    Instant frozenAt,
    boolean live,
    Integer incidents,
    Integer openIncidents,
    List<Row> standings,
    List<Event> recent) {

  /** One team's line on the board. */
  public record Row(
      int rank, String team, int points, int detected, int diagnosed, int recovered) {}

  /** True when both show the same board, whenever each was generated. */
  public boolean sameBoard(BoardView other) {
    return other != null
        && equals(
            new BoardView(
                other.gameDayId,
                other.name,
                other.state,
                other.version,
                generatedAt,
                other.frozenAt,
                other.live,
                other.incidents,
                other.openIncidents,
                other.standings,
                other.recent));
  }

  /** A recent scoring event, newest first. */
  public record Event(Instant at, String team, int points, String text) {}
}
