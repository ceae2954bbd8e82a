package org.daysofchaos.scoreboard.play;

/**
 * A fact a game day's board is computed from changed (a play recorded or reviewed, the board
 * frozen): published as a CDI event, so that whoever pushes boards to viewers recomputes it soon,
 * without the publishers knowing who that is.
 */
public record BoardChanged(String gameDayId) {}
