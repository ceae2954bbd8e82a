/**
 * Game days: who plays, when the day runs, and when each scenario fires. {@link
 * org.daysofchaos.core.gameday.GameDayReader} reads the YAML form and reports every problem at its
 * line and column; {@link org.daysofchaos.core.gameday.GameDayPlan} turns a game day into the
 * instants its incidents fire at. Plain Java: the scheduler that fires them lives in the server.
 */
package org.daysofchaos.core.gameday;
