package org.daysofchaos.scoreboard.persistence;

import java.time.Duration;

/**
 * How much one sender (a player, an alert sender) may store: per minute, per incident and per
 * request (docs/security.md, "Storage limits"). A request past a limit is refused whole and stores
 * nothing more: 429 for a rate or a quota, 413 for a request too large.
 *
 * @param playsPerMinute plays one player may record in any minute
 * @param playsPerIncident plays one team may record about one incident
 * @param claimsWithoutIncident detection claims of one team that matched no incident, per game day
 * @param alertsPerMinute firing alerts one sender may post in any minute
 * @param alertsPerIncident alerts of one sender stored for one incident
 * @param alertsPerRequest alerts one webhook call may carry
 * @param labelChars characters of one alert's labels, as JSON
 */
public record StorageLimits(
    int playsPerMinute,
    int playsPerIncident,
    int claimsWithoutIncident,
    int alertsPerMinute,
    int alertsPerIncident,
    int alertsPerRequest,
    int labelChars) {

  /** Far above what a team plays or an Alertmanager sends, far below filling a disk. */
  public static final StorageLimits DEFAULTS = new StorageLimits(30, 60, 200, 300, 100, 200, 2000);

  /** The window of the per-minute limits. */
  public static final Duration MINUTE = Duration.ofMinutes(1);

  /** A limit reached: nothing of the request was stored past it. */
  public static final class Exceeded extends RuntimeException {
    private final int status;

    private Exceeded(int status, String message) {
      super(message);
      this.status = status;
    }

    /** 429: too many in a window, or a quota used up. */
    public static Exceeded tooMany(String message) {
      return new Exceeded(429, message);
    }

    /** 413: one request carries too much. */
    public static Exceeded tooLarge(String message) {
      return new Exceeded(413, message);
    }

    public int status() {
      return status;
    }
  }
}
