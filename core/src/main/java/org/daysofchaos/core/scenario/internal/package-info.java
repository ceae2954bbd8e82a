/**
 * The scenario language, written with the binder ({@code org.daysofchaos.core.binder}): the keys of
 * a scenario, the fault and probe kinds of a catalog, targets, and the rules across keys (timing,
 * target references). Not an API: {@code ScenarioReader}, {@code ScenarioSchema} and {@code
 * ScenarioKeys} are.
 */
package org.daysofchaos.core.scenario.internal;
