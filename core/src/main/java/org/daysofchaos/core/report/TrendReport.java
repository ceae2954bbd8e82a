package org.daysofchaos.core.report;

import java.time.Instant;
import java.util.List;

/**
 * Game days side by side: the funnel, time to detect and to recover, coverage and the resilience
 * score, overall and per service, computed by {@link Reports#trend}.
 *
 * @param gameDays one point per game day over all its incidents, oldest first
 * @param services per service, by name
 * @param overall the score over every incident of every game day
 */
public record TrendReport(
    Instant generatedAt,
    List<TrendPoint> gameDays,
    List<ServiceTrend> services,
    ResilienceScore overall) {
  public TrendReport {
    gameDays = List.copyOf(gameDays);
    services = List.copyOf(services);
  }

  /** The first line: it warns when one of the game days is still running. */
  public String headline() {
    long running = gameDays.stream().filter(TrendPoint::running).count();
    String head = "Resilience across " + gameDays.size() + " game day(s)";
    return running == 0
        ? head
        : "A game day is still running: its figures are provisional. " + head;
  }
}
