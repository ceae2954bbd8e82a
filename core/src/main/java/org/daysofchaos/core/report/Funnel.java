package org.daysofchaos.core.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many failures went how far: injected, then detected (by monitoring or a team), diagnosed (a
 * team's accepted diagnosis), recovered (see {@link IncidentRecord#recovered()}). Days of Chaos'
 * first edition at Voyages-SNCF: 87 % detected, 73 % diagnosed, 45 % recovered.
 */
public record Funnel(int injected, int detected, int diagnosed, int recovered) {
  @JsonProperty
  public int detectedPercent() {
    return Figures.percent(detected, injected);
  }

  @JsonProperty
  public int diagnosedPercent() {
    return Figures.percent(diagnosed, injected);
  }

  @JsonProperty
  public int recoveredPercent() {
    return Figures.percent(recovered, injected);
  }

  /** "30 injected · 26 detected (87 %) · 22 diagnosed (73 %) · 14 recovered (47 %)". */
  public String describe() {
    return injected
        + " injected \u00b7 "
        + detected
        + " detected ("
        + detectedPercent()
        + " %) \u00b7 "
        + diagnosed
        + " diagnosed ("
        + diagnosedPercent()
        + " %) \u00b7 "
        + recovered
        + " recovered ("
        + recoveredPercent()
        + " %)";
  }
}
