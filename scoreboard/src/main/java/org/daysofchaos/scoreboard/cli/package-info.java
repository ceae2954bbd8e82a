/**
 * The {@code chaos} command line: {@code validate} checks scenario files and shows the dry run,
 * {@code demo} runs a scenario against the embedded demo pre-production, {@code run} runs scenarios
 * against real Toxiproxy servers, processes, Kubernetes and metrics endpoints, {@code serve} starts
 * the game-day server, {@code halt} calls a running one, {@code report} writes reports and {@code
 * cleanup} reverts what a cluster still carries.
 */
package org.daysofchaos.scoreboard.cli;
