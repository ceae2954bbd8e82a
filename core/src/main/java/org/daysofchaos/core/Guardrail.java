package org.daysofchaos.core;

import java.time.Duration;

/**
 * An abort condition: a probe that must keep holding while the fault is in effect, typically on a
 * service that is not part of the game. When it has failed for {@code abortAfter} without a break,
 * the incident is reverted and ends ABORTED.
 *
 * @param name how the journal and the game master call it
 * @param holds the probe that must hold
 * @param abortAfter how long it may fail before the run is aborted; zero aborts at the first
 *     failing sample
 */
public record Guardrail(String name, ProbeSpec holds, Duration abortAfter) {}
