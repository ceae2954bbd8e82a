package org.daysofchaos.scoreboard.schedule;

import java.time.Instant;

/**
 * What an incident's trigger sets off, as the schedule's jobs call it. The incident engine
 * implements it: the schedule only knows when, never how an incident runs.
 */
public interface IncidentTriggers {
  /** A scheduled incident's trigger fired, for the moment {@code scheduledFor}. */
  void fireScheduled(String incidentId, Instant scheduledFor);

  /** A cron slot of a game day fired: each firing is a new incident. */
  void fireCron(String gameDayId, int slot, String scenarioId, String sha256, Instant scheduledFor);

  /** A scheduled incident's time passed unseen (a misfire): it is missed, never fired late. */
  void missed(String incidentId, String reason);
}
