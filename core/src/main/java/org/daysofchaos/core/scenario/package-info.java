/**
 * Reading scenario files: {@link org.daysofchaos.core.scenario.ScenarioReader} turns YAML into
 * {@link org.daysofchaos.core.Scenario}s and reports every {@link
 * org.daysofchaos.core.scenario.Problem} with its line and column; {@link
 * org.daysofchaos.core.scenario.ScenarioSchema} generates the JSON Schema editors use; {@link
 * org.daysofchaos.core.scenario.DryRun} says what a scenario would do without doing it; {@link
 * org.daysofchaos.core.scenario.ScenarioKeys} lends the scenario's keys to other files that use the
 * same words (game days' guardrails).
 *
 * <p>The language is written with the binder ({@code org.daysofchaos.core.binder}) in {@code
 * scenario.internal}. The format is described in {@code docs/scenario-format.md}; the choice of
 * parser and binder in {@code docs/adr/0002-scenario-reader.md}.
 */
package org.daysofchaos.core.scenario;
