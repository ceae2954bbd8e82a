package org.daysofchaos.core.journal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only record of one run. Events are stamped with the run's clock and handed to the
 * listeners as they are written, so progress can be shown while the run goes on.
 */
public final class Journal {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  private final Clock clock;
  private final List<JournalEvent> events = new CopyOnWriteArrayList<>();
  private final List<RunListener> listeners;

  public Journal(Clock clock, List<RunListener> listeners) {
    this.clock = clock;
    this.listeners = List.copyOf(listeners);
  }

  public JournalEvent append(EventType type, String message) {
    return append(type, message, Map.of());
  }

  public JournalEvent append(EventType type, String message, Map<String, String> data) {
    JournalEvent event = new JournalEvent(clock.instant(), type, message, data);
    events.add(event);
    for (RunListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        // A broken progress display must never stop a run (or its revert).
        LOG.warn("run listener {} failed on {}: {}", listener, type, e.toString());
      }
    }
    return event;
  }

  public List<JournalEvent> events() {
    return new ArrayList<>(events);
  }

  /** Details as a map whose iteration order is the order given: {@code data("k1", v1, ...)}. */
  public static Map<String, String> data(String... keyValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        map.put(keyValues[i], keyValues[i + 1]);
      }
    }
    return map;
  }
}
