/**
 * The game days' schedule in Quartz, whose triggers survive restarts and are shared by a cluster.
 * Its jobs call ports ({@link org.daysofchaos.scoreboard.schedule.IncidentTriggers}, {@link
 * org.daysofchaos.scoreboard.schedule.GameDayEnd}, {@link
 * org.daysofchaos.scoreboard.schedule.FaultDeadline}) that the layers above implement, so the
 * schedule knows when things happen, never how.
 */
package org.daysofchaos.scoreboard.schedule;
