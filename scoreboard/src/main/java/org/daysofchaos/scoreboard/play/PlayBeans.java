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
import org.daysofchaos.scoreboard.security.SignInGuard;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires accounts and plays into CDI, lazily like the rest of the server's beans. */
@ApplicationScoped
public class PlayBeans {
  @ConfigProperty(name = "chaos.security.session-lifetime", defaultValue = "12h")
  Duration sessionLifetime;

  @ConfigProperty(name = "chaos.security.api-token-lifetime", defaultValue = "30d")
  Duration apiTokenLifetime;

  @ConfigProperty(name = "chaos.security.sign-in.per-address", defaultValue = "30")
  int perAddressPerMinute;

  @ConfigProperty(name = "chaos.security.sign-in.per-account", defaultValue = "10")
  int perAccountPerMinute;

  @ConfigProperty(name = "chaos.security.sign-in.lockout-after", defaultValue = "5")
  int lockoutAfter;

  @ConfigProperty(name = "chaos.security.sign-in.lockout", defaultValue = "30s")
  Duration lockout;

  @ConfigProperty(name = "chaos.security.sign-in.max-lockout", defaultValue = "15m")
  Duration maxLockout;

  /** Password checks in flight at once; 0 stands for the number of cores. */
  @ConfigProperty(name = "chaos.security.sign-in.concurrent-checks", defaultValue = "0")
  int concurrentChecks;

  @Produces
  @Singleton
  Accounts accounts(Db db, AuditLog audit, Clock clock, GameDays gameDays) {
    SignInGuard guard =
        new SignInGuard(
            new SignInGuard.Limits(
                perAddressPerMinute,
                perAccountPerMinute,
                lockoutAfter,
                lockout,
                maxLockout,
                concurrentChecks),
            clock);
    return new Accounts(
        new AccountStore(db),
        audit,
        clock,
        sessionLifetime,
        apiTokenLifetime,
        ref -> hasTeam(gameDays, ref),
        guard);
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
