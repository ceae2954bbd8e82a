/**
 * {@code chaos rehearse}: a game day played in simulation before people are in the room. Its
 * schedule is drawn as the server draws it, bot teams of a chosen skill detect, diagnose and fix
 * each incident after random (seeded) delays, within the windows in which the server would accept
 * their plays, and core's scoring rules score them. Nothing is injected: the point is to tune the
 * scoring and the schedule (docs/rehearsal.md).
 */
package org.daysofchaos.scoreboard.rehearse;
