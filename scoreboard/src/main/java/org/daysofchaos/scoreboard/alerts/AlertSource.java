package org.daysofchaos.scoreboard.alerts;

/**
 * Who called the webhook.
 *
 * @param actor the caller's name, as the audit log records it
 * @param team the caller's team: its alerts count as that team's detection; null for none
 * @param gameDayId the game day of that team: only its incidents match; null for any
 */
public record AlertSource(String actor, String team, String gameDayId) {
  /** A caller without an account: alerts count for nobody's team, in any game day. */
  public static AlertSource anonymous(String actor) {
    return new AlertSource(actor, null, null);
  }
}
