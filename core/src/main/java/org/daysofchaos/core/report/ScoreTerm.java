package org.daysofchaos.core.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One incident's part in a resilience score: its weight w and three yes/no outcomes, worth {@code w
 * · (detected + monitored + 2 · recovered)} out of {@code 4 · w}.
 */
public record ScoreTerm(
    String incidentId,
    String gameDayId,
    String scenarioId,
    int weight,
    boolean detected,
    boolean monitored,
    boolean recovered) {

  @JsonProperty
  public int earned() {
    return weight * ((detected ? 1 : 0) + (monitored ? 1 : 0) + (recovered ? 2 : 0));
  }

  @JsonProperty
  public int possible() {
    return 4 * weight;
  }
}
