package org.daysofchaos.scoreboard.security;

import java.util.Arrays;
import java.util.Locale;

/** What an account may do. The names are the role names that endpoints allow. */
public enum Role {
  /** Ops and preparers: run the game day, see the answer keys, halt. */
  GAME_MASTER(Roles.GAME_MASTER),
  /** A member of exactly one team: plays for that team only. */
  PLAYER(Roles.PLAYER),
  /** A manager: reads the board and the reports. */
  VIEWER(Roles.VIEWER);

  private final String roleName;

  Role(String roleName) {
    this.roleName = roleName;
  }

  public String roleName() {
    return roleName;
  }

  /** Reads "game-master", "player" or "viewer" (any case); a clear error otherwise. */
  public static Role parse(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(r -> r.roleName.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "role: '" + text + "' is not one of game-master, player, viewer"));
  }
}
