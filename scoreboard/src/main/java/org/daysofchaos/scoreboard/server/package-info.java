/**
 * The jar's entry point and the server's life: {@link org.daysofchaos.scoreboard.server.ChaosMain}
 * decides before Quarkus boots whether it runs as the server or as the command line, and {@link
 * org.daysofchaos.scoreboard.server.ServerLifecycle} starts and stops the server in the order the
 * safety rules need (recovery before anything can inject; every run reverted before exit).
 */
package org.daysofchaos.scoreboard.server;
