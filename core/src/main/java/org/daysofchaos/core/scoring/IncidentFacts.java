package org.daysofchaos.core.scoring;

import java.time.Instant;
import java.util.Objects;

/**
 * One incident as scoring sees it.
 *
 * @param incidentId the server's id of this firing of the scenario
 * @param scenarioId the scenario's id, used in the text of score lines
 * @param weight the scenario's weight (1–10 in scenario files), which scales every base
 * @param injectedAt t_inj, the moment the fault took effect; every stage time counts from it
 */
public record IncidentFacts(String incidentId, String scenarioId, int weight, Instant injectedAt) {
  public IncidentFacts {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(injectedAt, "injectedAt");
    if (weight < 1) {
      throw new IllegalArgumentException(
          "incident " + incidentId + ": weight must be at least 1, got " + weight);
    }
  }
}
