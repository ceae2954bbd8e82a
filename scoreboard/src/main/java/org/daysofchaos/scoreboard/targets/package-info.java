/**
 * What the server may touch, its pre-production allow-list: the Toxiproxy servers, local processes
 * and metric endpoints named in the configuration, plus the embedded demo when it is enabled.
 */
package org.daysofchaos.scoreboard.targets;
