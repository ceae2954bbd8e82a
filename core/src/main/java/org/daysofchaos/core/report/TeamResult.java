package org.daysofchaos.core.report;

/** A team's line of the final board, as {@link org.daysofchaos.core.scoring.Scoring} ranks it. */
public record TeamResult(
    int rank, String team, int points, int detected, int diagnosed, int recovered) {}
