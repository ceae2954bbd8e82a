package org.daysofchaos.scoreboard.notify;

/**
 * What a notification may say about the incident it is about. The scenario's id and title go to
 * game masters' channels only.
 *
 * @param gameDayId null for an incident fired outside a game day
 */
public record IncidentFacts(String incidentId, String gameDayId, String scenarioId, String title) {}
