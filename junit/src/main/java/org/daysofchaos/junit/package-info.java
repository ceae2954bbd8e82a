/**
 * A JUnit 5 extension for chaos tests: the embedded Toxiproxy-compatible proxy inside the test JVM
 * (no Docker), proxies in front of the system under test, faults for the duration of one test, and
 * scenarios run as tests.
 *
 * <p>Faults added through a {@link org.daysofchaos.junit.FaultProxy} go through the same injectors
 * as a game day's, so they mean the same thing, and each is reverted after the test whatever
 * happened in it, then verified gone on the proxy itself: a test that leaves a fault behind fails.
 * A scenario run with {@link org.daysofchaos.junit.Chaos#scenario} goes through the run loop of a
 * game day ({@code core.run}) and writes its journal where {@code chaos report --journals} reads
 * it, so CI runs feed the same resilience report. See {@code docs/junit.md}.
 */
package org.daysofchaos.junit;
