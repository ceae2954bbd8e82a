/**
 * Fixtures shared by the tests that run the packaged jar as separate processes: the JVM command
 * line that {@code ./chaos} uses, so that tests start what users start.
 */
package org.daysofchaos.scoreboard.testing;
