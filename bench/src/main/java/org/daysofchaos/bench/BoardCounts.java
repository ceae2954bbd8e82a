package org.daysofchaos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What the bench reads in a pushed board: for each team of the bench, how many incidents it has
 * detected and diagnosed. These counts only grow, and each accepted detection or diagnosis raises
 * its team's count by one, so "the board shows count k+1" means "the board includes the team's k-th
 * accepted play of that kind".
 *
 * @param generatedAt when the server computed the board, in microseconds since the epoch
 * @param counts {@code counts[team][kind]}, teams in the bench's order, kinds {@link #DETECT} and
 *     {@link #DIAGNOSE}
 */
record BoardCounts(long version, long generatedAt, int[][] counts) {
  static final int DETECT = 0;
  static final int DIAGNOSE = 1;

  /** Reads a board as the API and the stream send it; teams the bench does not know are skipped. */
  static BoardCounts read(JsonNode board, List<String> teams) {
    int[][] counts = new int[teams.size()][2];
    for (JsonNode row : board.path("standings")) {
      int team = teams.indexOf(row.path("team").asText());
      if (team >= 0) {
        counts[team][DETECT] = row.path("detected").asInt();
        counts[team][DIAGNOSE] = row.path("diagnosed").asInt();
      }
    }
    return new BoardCounts(
        board.path("version").asLong(),
        micros(Instant.parse(board.path("generatedAt").asText())),
        counts);
  }

  int count(int team, int kind) {
    return counts[team][kind];
  }

  int teams() {
    return counts.length;
  }

  static long micros(Instant at) {
    return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
  }
}
