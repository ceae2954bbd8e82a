/**
 * Resilience reports in the scoreboard: the facts of a game day read from the database ({@link
 * org.daysofchaos.scoreboard.report.DbReports}), the game master's notes, and the forms of a report
 * computed by core's {@code org.daysofchaos.core.report}: the web page and its SVG charts
 * (JFreeChart drawn by JFreeSVG), the PDF (openhtmltopdf, from the same page) and the CSV.
 */
package org.daysofchaos.scoreboard.report;
