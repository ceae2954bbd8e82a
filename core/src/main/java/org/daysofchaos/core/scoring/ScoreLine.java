package org.daysofchaos.core.scoring;

import java.time.Instant;

/**
 * One explained change of a team's score; the lines of a team add up to its points.
 *
 * @param incidentId the incident it belongs to; null for team-level lines (false claims)
 * @param stage the stage it belongs to; null for team-level lines
 * @param at the moment of the play that caused it
 * @param points the change, possibly 0 for lines that only explain (pending, free, too late)
 * @param text what a player reads, starting with the signed points
 */
public record ScoreLine(
    String team, String incidentId, Stage stage, Instant at, int points, String text) {}
