/**
 * Scoring of a game day as pure functions: from plain facts (the incidents with their injection
 * time and weight, the plays of the teams as the server judged them) to a leaderboard where every
 * point is explained by a line a player can read. The live board, the final board and the managers'
 * reports all compute their figures with {@link org.daysofchaos.core.scoring.Scoring}, from plays
 * judged alike by {@link org.daysofchaos.core.scoring.Judging}; the rules and their defaults are in
 * docs/scoring.md.
 */
package org.daysofchaos.core.scoring;
