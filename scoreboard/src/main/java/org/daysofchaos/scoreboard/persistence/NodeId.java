package org.daysofchaos.scoreboard.persistence;

/** The name of this server instance in the database and in a cluster. */
public record NodeId(String id) {}
