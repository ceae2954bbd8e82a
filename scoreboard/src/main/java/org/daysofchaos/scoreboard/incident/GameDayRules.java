package org.daysofchaos.scoreboard.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.Notification;
import org.daysofchaos.scoreboard.persistence.Incident;

/**
 * What the engine must know of the game day an incident belongs to, asked of the game days above it
 * (they implement it), so that the engine never reads a game day itself.
 */
public interface GameDayRules {
  /**
   * The scenario an incident runs: the stored version it was created with, carrying the guardrails
   * of its game day after its own (none for an incident fired outside a game day).
   *
   * @throws NotRunnable when that scenario cannot be known: running without the guardrails the game
   *     day promised could hurt what they protect
   */
  Scenario scenarioOf(Incident incident);

  /** When a game day was last resumed after a pause; a trigger due before that is missed. */
  Optional<Instant> resumedAt(String gameDayId);

  /**
   * The notification channels of a game day: none for an incident fired outside one, or when its
   * file no longer reads.
   */
  List<Notification> notificationsOf(String gameDayId);

  /** The notification channels of each game day running or paused now, by its id. */
  Map<String, List<Notification>> liveNotifications();

  /** An incident that must not run, and why (its verdict is FAILED, nothing is injected). */
  final class NotRunnable extends RuntimeException {
    public NotRunnable(String reason) {
      super(reason);
    }
  }
}
