/**
 * Playing a game day: what teams claim, diagnose, buy and declare ({@code chaos_play}), and the
 * rules that judge each play as it arrives. A change of what the board counts is published as a
 * {@link org.daysofchaos.scoreboard.play.BoardChanged} event for the {@code leaderboard}.
 */
package org.daysofchaos.scoreboard.play;
