package org.daysofchaos.scoreboard.api;

import org.daysofchaos.scoreboard.persistence.AuditLog;

/** Who calls the API: "anonymous" until accounts arrive (issue 5). */
final class Actor {
  private Actor() {}

  static String current() {
    return AuditLog.ANONYMOUS;
  }
}
