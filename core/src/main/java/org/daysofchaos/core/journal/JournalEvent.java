package org.daysofchaos.core.journal;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the journal.
 *
 * @param at when it happened, from the run's clock
 * @param data machine-readable details (target, injection id, probe, value, ...)
 */
public record JournalEvent(Instant at, EventType type, String message, Map<String, String> data) {
  public JournalEvent {
    data = Map.copyOf(data);
  }
}
