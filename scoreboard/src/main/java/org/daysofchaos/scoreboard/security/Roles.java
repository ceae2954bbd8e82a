package org.daysofchaos.scoreboard.security;

/** The role names as compile-time constants, for {@code @RolesAllowed}. */
public final class Roles {
  public static final String GAME_MASTER = "game-master";
  public static final String PLAYER = "player";
  public static final String VIEWER = "viewer";

  /**
   * Not an account's: whoever holds the scrape token of {@code /q/metrics} (chaos.metrics.token).
   */
  public static final String METRICS_SCRAPER = "metrics-scraper";

  /** Not an account's: an Alertmanager a game master registered (alerts.AlertSenders). */
  public static final String ALERT_SENDER = "alert-sender";

  /**
   * Not an account's: a host agent with a credential a game master issued (hosts.AgentCredentials).
   */
  public static final String AGENT = "agent";

  private Roles() {}
}
