/**
 * Monitoring detection by alerts: an Alertmanager-compatible webhook ({@code POST /api/alerts})
 * records the firing alerts it receives and matches them to the running incidents whose scenario
 * names them ({@code detection.alerts}); the first match of an incident is its monitoring detection
 * by alert, overall and per team (docs/alerting.md).
 */
package org.daysofchaos.scoreboard.alerts;
