package org.daysofchaos.scoreboard.security;

/** The role names as compile-time constants, for {@code @RolesAllowed}. */
public final class Roles {
  public static final String GAME_MASTER = "game-master";
  public static final String PLAYER = "player";
  public static final String VIEWER = "viewer";

  private Roles() {}
}
