package org.daysofchaos.scoreboard.server;

/**
 * The first game master of the in-process test server ({@code %test} in application.properties).
 */
public final class TestAccounts {
  public static final String GAME_MASTER = "gamemaster";
  public static final String GAME_MASTER_PASSWORD = "Test-Game-Master-Passw0rd-17";

  private TestAccounts() {}
}
