package org.daysofchaos.scoreboard.security;

import java.time.Instant;

/**
 * An account as the API shows it (never its password hash).
 *
 * @param gameDayId for a player, the game day of its team; null otherwise
 * @param team for a player, its team; null otherwise
 * @param mustChangePassword true until a one-time password has been replaced
 */
public record Account(
    String username,
    Role role,
    String gameDayId,
    String team,
    boolean mustChangePassword,
    boolean disabled,
    Instant createdAt,
    String createdBy) {}
