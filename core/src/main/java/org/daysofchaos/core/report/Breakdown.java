package org.daysofchaos.core.report;

import java.util.List;

/**
 * The figures of the incidents of one service, or of one scenario.
 *
 * @param key the service's or the scenario's id
 * @param incidents the ids of its incidents
 * @param monitored how many of them monitoring caught
 */
public record Breakdown(
    String key,
    List<String> incidents,
    Funnel funnel,
    Stats timeToDetect,
    Stats timeToDiagnose,
    Stats timeToRecover,
    int monitored) {
  public Breakdown {
    incidents = List.copyOf(incidents);
  }
}
