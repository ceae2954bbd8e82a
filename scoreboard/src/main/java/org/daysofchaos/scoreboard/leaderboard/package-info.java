/**
 * The leaderboard of a game day: computed from its stored facts with core's scoring rules ({@link
 * org.daysofchaos.scoreboard.leaderboard.Boards}), viewed as each role may see it ({@link
 * org.daysofchaos.scoreboard.leaderboard.BoardView}), and pushed to its viewers whenever it changes
 * ({@link org.daysofchaos.scoreboard.leaderboard.BoardHub}, on {@code play.BoardChanged} events).
 */
package org.daysofchaos.scoreboard.leaderboard;
