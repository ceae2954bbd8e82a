package org.daysofchaos.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The report of one game day: every figure a manager reads, computed by {@link Reports#gameDay}.
 *
 * @param selfHealing over the recovered time-boxed incidents: from the end of the fault to the
 *     recovery
 * @param timeToRestore over the recovered until-fixed incidents: from the injection to the fix
 * @param frozenAt when the figures ignore the plays from that instant on (a frozen board)
 * @param services the figures per service (the scenarios' answer-key component), by name
 * @param scenarios the figures per scenario, by id
 * @param scores the resilience score of each service, by name
 * @param overall the resilience score over every incident of the game day
 * @param incidents in the order of their injection
 * @param teams the final board, from first to last
 */
public record GameDayReport(
    GameDayFacts gameDay,
    Funnel funnel,
    Stats timeToDetect,
    Stats timeToDiagnose,
    Stats selfHealing,
    Stats timeToRestore,
    Coverage coverage,
    List<Breakdown> services,
    List<Breakdown> scenarios,
    List<ResilienceScore> scores,
    ResilienceScore overall,
    List<IncidentOutcome> incidents,
    List<TeamResult> teams,
    Optional<Instant> frozenAt,
    Notes notes) {

  public GameDayReport {
    services = List.copyOf(services);
    scenarios = List.copyOf(scenarios);
    scores = List.copyOf(scores);
    incidents = List.copyOf(incidents);
    teams = List.copyOf(teams);
    frozenAt = frozenAt == null ? Optional.empty() : frozenAt;
  }

  /**
   * The report's first line. While the game day runs it says so before anything else: the figures
   * are provisional.
   */
  public String headline() {
    if (gameDay.running()) {
      return "Game day "
          + gameDay.name()
          + " is still running: these figures are provisional and will change.";
    }
    return "Resilience report: " + gameDay.name();
  }

  /** The incident with this id. */
  public Optional<IncidentOutcome> incident(String id) {
    return incidents.stream().filter(i -> i.id().equals(id)).findFirst();
  }
}
