package org.daysofchaos.core.gameday;

/** When a scenario of a game day fires. */
public sealed interface Timing {

  /** Once, at a fixed moment ({@code at:}). */
  record At(TimePoint at) implements Timing {}

  /**
   * Once, at a random moment between two others ({@code between: [from, to]}), drawn when the game
   * day starts, so that players cannot guess it and the server can still tell when it will be.
   */
  record Between(TimePoint from, TimePoint to) implements Timing {}

  /**
   * Every time a Quartz cron expression matches while the window is open ({@code cron:}), each
   * firing a new incident.
   */
  record Cron(String expression) implements Timing {}
}
