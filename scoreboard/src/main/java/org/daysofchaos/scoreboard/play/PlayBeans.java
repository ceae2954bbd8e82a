package org.daysofchaos.scoreboard.play;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import org.daysofchaos.core.scoring.ScoringRules;
import org.daysofchaos.scoreboard.alerts.AlertStore;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.security.AccountStore;
import org.daysofchaos.scoreboard.security.Accounts;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires accounts, plays and boards into CDI, lazily like the rest of the server's beans. */
@ApplicationScoped
public class PlayBeans {
  @ConfigProperty(name = "chaos.security.session-lifetime", defaultValue = "12h")
  Duration sessionLifetime;

  @ConfigProperty(name = "chaos.board.poll", defaultValue = "200ms")
  Duration boardPoll;

  @Produces
  @Singleton
  Accounts accounts(Db db, AuditLog audit, Clock clock, GameDays gameDays) {
    return new Accounts(
        new AccountStore(db), audit, clock, sessionLifetime, ref -> hasTeam(gameDays, ref));
  }

  private static boolean hasTeam(GameDays gameDays, Accounts.TeamRef ref) {
    try {
      gameDays.get(ref.gameDayId());
    } catch (GameDays.NoSuchGameDay e) {
      return false;
    }
    return gameDays.teams(ref.gameDayId()).contains(ref.team());
  }

  @Produces
  @Singleton
  PlayStore playStore(Db db) {
    return new PlayStore(db);
  }

  @Produces
  @Singleton
  Plays plays(
      PlayStore store,
      IncidentStore incidents,
      ScenarioCatalog catalog,
      GameDays gameDays,
      AuditLog audit,
      Clock clock,
      Instance<BoardHub> hub) {
    return new Plays(
        store, incidents, catalog, gameDays, audit, clock, day -> hub.get().changed(day));
  }

  @Produces
  @Singleton
  Boards boards(
      Plays plays,
      PlayStore store,
      IncidentStore incidents,
      ScenarioCatalog catalog,
      GameDays gameDays,
      Clock clock,
      AlertStore alerts) {
    return new Boards(
        plays,
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
