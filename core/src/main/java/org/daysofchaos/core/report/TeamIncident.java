package org.daysofchaos.core.report;

import java.util.Optional;

/**
 * One team in one incident: when it got each stage (its first accepted play of each kind), and the
 * points the leaderboard gave it for the incident.
 *
 * @param alert the team's own alerting (its first accepted ALERT play)
 * @param claim its accepted detection claim
 * @param fix its accepted fix (credited once the metrics showed the recovery)
 * @param wrongDiagnoses its rejected diagnoses
 * @param points the sum of its score lines for this incident on the board
 */
public record TeamIncident(
    String team,
    String incidentId,
    Optional<Timing> alert,
    Optional<Timing> claim,
    Optional<Timing> diagnosis,
    Optional<Timing> fix,
    int hints,
    int wrongDiagnoses,
    int points) {}
