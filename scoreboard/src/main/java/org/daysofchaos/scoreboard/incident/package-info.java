/**
 * The incident engine: fires incidents (from the schedule or by hand) and runs them on this node
 * with core's run loop, writing journal, ledger, audit log and metrics as each run goes. It asks
 * the game days above it for each incident's scenario through {@link
 * org.daysofchaos.scoreboard.incident.GameDayRules}, and never reads a game day itself.
 */
package org.daysofchaos.scoreboard.incident;
