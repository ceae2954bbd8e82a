package org.daysofchaos.core.report;

import java.time.Instant;

/**
 * The figures of one game day in a trend: over all its incidents, or over one service's.
 *
 * @param at when the game day started (its first injection if it never started)
 * @param running the game day was still running: its figures are provisional
 * @param selfHealing time-boxed faults: from the end of the fault to the recovery
 * @param timeToRestore until-fixed incidents: from the injection to the fix
 * @param monitoredPercent the share of its failures that monitoring caught
 * @param alertedPercent the share for which an alert arrived
 */
public record TrendPoint(
    String gameDayId,
    String name,
    Instant at,
    boolean running,
    Funnel funnel,
    Stats timeToDetect,
    Stats selfHealing,
    Stats timeToRestore,
    int monitoredPercent,
    int alertedPercent,
    ResilienceScore score) {}
