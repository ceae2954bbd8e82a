/**
 * Resilience reports in the scoreboard: the facts of a game day read from the database ({@link
 * org.daysofchaos.scoreboard.report.DbReports}), the game master's notes, and the forms of a report
 * computed by core's {@code org.daysofchaos.core.report}: the web page and its SVG charts (written
 * directly by {@link org.daysofchaos.scoreboard.report.Svg}), the PDF (openhtmltopdf, from the same
 * page) and the CSV.
 */
package org.daysofchaos.scoreboard.report;
