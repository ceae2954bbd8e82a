/**
 * Resilience reports for managers, as pure functions over the facts of game days: the funnel
 * (injected, detected, diagnosed, recovered), percentiles of time to detect and to recover per
 * service and per scenario, monitoring coverage, each incident's timeline, the teams' results (from
 * the same {@link org.daysofchaos.core.scoring.Scoring#leaderboard scoring} as the board), trends
 * across game days and a resilience score per service whose inputs are shown next to it.
 *
 * <p>The facts come from journals ({@link org.daysofchaos.core.report.JournalReports}, the command
 * line's path) or from the server's database; either way the figures are computed here, so every
 * form of the report (text, JSON, CSV, web page, PDF) shows the same numbers. docs/reports.md
 * defines each figure.
 */
package org.daysofchaos.core.report;
