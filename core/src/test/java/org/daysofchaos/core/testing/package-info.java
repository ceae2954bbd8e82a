/**
 * Test fixtures shared through the core test-jar: a clock that moves only when told, a sleeper that
 * moves it, scripted probes whose answers are a function of time, and recording injectors.
 */
package org.daysofchaos.core.testing;
