/**
 * Game days: who plays, when the day runs, and when each scenario fires. {@link
 * org.daysofchaos.core.gameday.GameDayReader} reads the YAML form and reports every problem at its
 * line and column; {@link org.daysofchaos.core.gameday.GameDaySchema} generates its JSON Schema;
 * {@link org.daysofchaos.core.gameday.GameDayPlan} turns a game day into the instants its incidents
 * fire at. Plain Java: the scheduler that fires them lives in the server.
 *
 * <p>The game-day language is written with the binder ({@code org.daysofchaos.core.binder}) in the
 * package-private {@code GameDayLanguage} and its types, so that the model and the language need no
 * package cycle; its guardrails are the scenario language's own key ({@link
 * org.daysofchaos.core.scenario.ScenarioKeys}).
 */
package org.daysofchaos.core.gameday;
