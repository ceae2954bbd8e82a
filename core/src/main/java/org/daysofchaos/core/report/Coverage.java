package org.daysofchaos.core.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Monitoring coverage: which failures monitoring caught, and how much earlier than the teams.
 *
 * @param monitored incidents caught by monitoring: an alert or a detection signal
 * @param alerted incidents for which an alert arrived (pushed by Alertmanager or polled from
 *     Prometheus)
 * @param signalled incidents for which a detection signal of the scenario held
 * @param unmonitored ids of the incidents that monitoring did not catch at all
 * @param unalerted ids of the incidents for which no alert arrived
 * @param monitoringFirst incidents where monitoring detected before the first team's claim
 * @param teamsFirst incidents where a team claimed detection before monitoring
 * @param lead the first claim minus the monitoring detection, over incidents that have both:
 *     positive when monitoring was earlier
 */
public record Coverage(
    int injected,
    int monitored,
    int alerted,
    int signalled,
    List<String> unmonitored,
    List<String> unalerted,
    int monitoringFirst,
    int teamsFirst,
    Stats lead) {

  public Coverage {
    unmonitored = List.copyOf(unmonitored);
    unalerted = List.copyOf(unalerted);
  }

  @JsonProperty
  public int monitoredPercent() {
    return Figures.percent(monitored, injected);
  }

  @JsonProperty
  public int alertedPercent() {
    return Figures.percent(alerted, injected);
  }
}
