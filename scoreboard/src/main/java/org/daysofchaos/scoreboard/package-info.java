/**
 * The application people run. For now: the command line ({@code validate}, {@code demo}, {@code
 * run}) and the embedded demo pre-production; the game-day server grows here.
 */
package org.daysofchaos.scoreboard;
