package org.daysofchaos.core.gameday;

import java.util.Objects;

/**
 * One entry of a game day's {@code scenarios:} list.
 *
 * @param index its position in the list, from 0: the same scenario may appear several times
 * @param scenarioId the id of the scenario that fires
 * @param timing when it fires
 */
public record Slot(int index, String scenarioId, Timing timing) {
  public Slot {
    Objects.requireNonNull(scenarioId, "scenarioId");
    Objects.requireNonNull(timing, "timing");
  }
}
