/**
 * The REST API under {@code /api}, for the pages' scripts, the command line and automation: game
 * days, incidents, halt-all, accounts and sign-in, plays, the leaderboard, reports, scenarios and
 * the Alertmanager webhook. Each resource checks roles and calls the layers below; errors are JSON
 * ({@link org.daysofchaos.scoreboard.api.ApiErrors}).
 */
package org.daysofchaos.scoreboard.api;
