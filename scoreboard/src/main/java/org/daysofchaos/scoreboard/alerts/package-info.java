/**
 * Monitoring detection by alerts: the firing alerts an Alertmanager-compatible webhook ({@code POST
 * /api/alerts}, in {@code api}) receives are recorded here and matched to the running incidents
 * whose scenario names them ({@code detection.alerts}); the first match of an incident is its
 * monitoring detection by alert, overall and per team (docs/alerting.md).
 */
package org.daysofchaos.scoreboard.alerts;
