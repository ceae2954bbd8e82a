/**
 * Playing a game day: what teams claim, diagnose, buy and declare ({@code chaos_play}), the rules
 * that judge each play as it arrives, and the leaderboard computed from the plays by core's scoring
 * rules and pushed to viewers.
 */
package org.daysofchaos.scoreboard.play;
