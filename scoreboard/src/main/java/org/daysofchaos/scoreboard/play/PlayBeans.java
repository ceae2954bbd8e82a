package org.daysofchaos.scoreboard.play;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.StorageLimits;
import org.daysofchaos.scoreboard.security.AccountStore;
import org.daysofchaos.scoreboard.security.Accounts;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires accounts and plays into CDI, lazily like the rest of the server's beans. */
@ApplicationScoped
public class PlayBeans {
  @ConfigProperty(name = "chaos.security.session-lifetime", defaultValue = "12h")
  Duration sessionLifetime;

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
      Event<BoardChanged> boardChanged) {
    return new Plays(
        store,
        incidents,
        catalog,
        gameDays,
        audit,
        clock,
        day -> boardChanged.fire(new BoardChanged(day)),
        StorageLimits.DEFAULTS);
  }
}
