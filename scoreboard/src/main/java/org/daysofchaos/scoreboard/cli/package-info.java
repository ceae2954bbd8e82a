/**
 * The {@code chaos} command line: {@code validate} checks scenario files and shows the dry run,
 * {@code demo} runs a scenario against the embedded demo pre-production, {@code run} runs scenarios
 * against real Toxiproxy servers and metrics endpoints.
 */
package org.daysofchaos.scoreboard.cli;
