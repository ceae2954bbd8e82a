/**
 * The web pages: sign-in, the live leaderboard, the player console and the game-master console.
 * Each page is a Qute template rendered to a string (STACK.md: no quarkus-rest-qute here) plus a
 * small script that talks to the REST API with the session cookie; the board is pushed over SSE.
 */
package org.daysofchaos.scoreboard.web;
