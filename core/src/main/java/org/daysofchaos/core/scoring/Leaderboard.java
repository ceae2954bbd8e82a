package org.daysofchaos.core.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The board: standings from first to last.
 *
 * @param frozenAt present when the board ignores plays from that instant on
 */
public record Leaderboard(List<Standing> standings, Optional<Instant> frozenAt) {
  public Leaderboard {
    standings = List.copyOf(standings);
  }
}
