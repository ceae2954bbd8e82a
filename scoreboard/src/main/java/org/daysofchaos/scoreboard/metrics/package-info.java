/** Metrics about the framework itself (incidents, injections, reverts, halts), at /q/metrics. */
package org.daysofchaos.scoreboard.metrics;
