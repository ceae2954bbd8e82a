package org.daysofchaos.scoreboard.schedule;

/** What the end of a game day's window sets off; the game days implement it. */
public interface GameDayEnd {
  /** The window of a game day closed: no more incidents fire. */
  void finish(String gameDayId);
}
