package org.daysofchaos.scoreboard.leaderboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import org.daysofchaos.core.scoring.ScoringRules;
import org.daysofchaos.scoreboard.alerts.AlertStore;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.play.BoardChanged;
import org.daysofchaos.scoreboard.play.PlayStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires the boards and their push into CDI, lazily like the rest of the server's beans, and pushes
 * a board again whenever something it is computed from changed ({@link BoardChanged}).
 */
@ApplicationScoped
public class LeaderboardBeans {
  @ConfigProperty(name = "chaos.board.poll", defaultValue = "200ms")
  Duration boardPoll;

  @Produces
  @Singleton
  Boards boards(
      PlayStore store,
      IncidentStore incidents,
      ScenarioCatalog catalog,
      GameDays gameDays,
      Clock clock,
      AlertStore alerts) {
    return new Boards(
        store,
        incidents,
        catalog,
        gameDays,
        clock,
        ScoringRules.defaults(),
        day -> AlertStore.asPlays(alerts.firstAlerts(day)));
  }

  @Produces
  @Singleton
  BoardHub hub(Boards boards, PlayStore store, ObjectMapper mapper) {
    return new BoardHub(boards, store, boardPoll, view -> json(mapper, view));
  }

  void pushChanged(@Observes BoardChanged change, BoardHub hub) {
    hub.changed(change.gameDayId());
  }

  private static String json(ObjectMapper mapper, BoardView view) {
    try {
      return mapper.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("board of " + view.gameDayId() + " not written", e);
    }
  }

  void closeHub(@Disposes BoardHub hub) {
    hub.close();
  }
}
