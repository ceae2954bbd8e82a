package org.daysofchaos.scoreboard.persistence;

import java.time.Instant;

/**
 * One scenario firing, as stored in {@code chaos_incident}. Times are null until they happen.
 *
 * @param gameDayId null for an incident fired by hand outside any game day
 * @param slot the entry of the game day's {@code scenarios:} list it comes from
 * @param scenarioSha256 the version of the scenario text it runs
 * @param nodeId the server node that runs (or ran) it
 * @param firedBy who fired it: "scheduler", or the person who fired it by hand
 */
public record Incident(
    String id,
    String gameDayId,
    Integer slot,
    String scenarioId,
    String scenarioSha256,
    State state,
    Instant scheduledAt,
    Instant startedAt,
    Instant injectedAt,
    Instant detectedAt,
    Instant faultEndedAt,
    Instant recoveredAt,
    Instant closedAt,
    Long detectionMillis,
    Long recoveryMillis,
    String verdict,
    String reason,
    String runId,
    String nodeId,
    String firedBy) {

  /** Where an incident is in its life. */
  public enum State {
    /** Waiting for its trigger. */
    SCHEDULED,
    /** Its run is going on, on {@code nodeId}. */
    RUNNING,
    /** Its run ended; {@code verdict} and {@code reason} say how. */
    CLOSED,
    /** Its time came while no server was running or while the game day was paused: not fired. */
    MISSED,
    /** Its game day was stopped before its time came. */
    CANCELLED
  }
}
