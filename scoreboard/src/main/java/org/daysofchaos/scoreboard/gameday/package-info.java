/**
 * Game days on the server: the scenarios it knows ({@link
 * org.daysofchaos.scoreboard.gameday.ScenarioCatalog}), and game days loaded from YAML, planned,
 * started, paused, stopped and finished ({@link org.daysofchaos.scoreboard.gameday.GameDays}). The
 * game days hand the engine each incident's scenario with the day's guardrails.
 */
package org.daysofchaos.scoreboard.gameday;
