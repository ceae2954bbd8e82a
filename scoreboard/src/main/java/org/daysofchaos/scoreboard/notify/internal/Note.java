package org.daysofchaos.scoreboard.notify.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.gameday.Notification.Event;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.scoreboard.notify.IncidentFacts;

/**
 * One thing to tell: an event of an incident (or halt-all, without incident).
 *
 * @param at when it happened (for a detection or a recovery, the moment reports count)
 * @param after for a detection or a recovery, the time since the fault took effect
 * @param verdict for an incident's end, its verdict
 * @param failed a revert that failed: the fault may still be in effect
 * @param detail the journal's words, for game masters only (they can name the answer)
 */
public record Note(
    Event event,
    Optional<IncidentFacts> incident,
    Instant at,
    Optional<Duration> after,
    Optional<String> verdict,
    boolean failed,
    String detail) {

  /** The note a journal event makes, if it makes one. */
  public static Optional<Note> of(JournalEvent e, IncidentFacts incident) {
    Map<String, String> data = e.data();
    Optional<IncidentFacts> about = Optional.of(incident);
    return Optional.ofNullable(
        switch (e.type()) {
          case FAULT_ACTIVE ->
              new Note(
                  Event.STARTED,
                  about,
                  instant(data, "injectedAt", e.at()),
                  none(),
                  none(),
                  false,
                  e.message());
          case DETECTED ->
              new Note(
                  Event.DETECTED,
                  about,
                  instant(data, "reportedAt", e.at()),
                  duration(data),
                  none(),
                  false,
                  e.message());
          case RECOVERED ->
              new Note(
                  Event.RECOVERED,
                  about,
                  instant(data, "reportedAt", e.at()),
                  duration(data),
                  none(),
                  false,
                  e.message());
          case REVERTED, REVERT_FAILED ->
              new Note(
                  Event.REVERTED,
                  about,
                  e.at(),
                  none(),
                  none(),
                  e.type() == EventType.REVERT_FAILED,
                  e.message());
          case VERDICT -> verdict(e, about);
          default -> null;
        });
  }

  private static Note verdict(JournalEvent e, Optional<IncidentFacts> about) {
    String verdict = e.data().getOrDefault("verdict", "");
    Event event = verdict.equals("ABORTED") ? Event.ABORTED : Event.ENDED;
    return new Note(event, about, e.at(), none(), Optional.of(verdict), false, e.message());
  }

  /** Halt-all, as the game day's channels hear of it. */
  public static Note halted(Instant at, String actor, String reason) {
    String why = reason == null || reason.isBlank() ? "" : ": " + reason;
    return new Note(Event.HALTED, Optional.empty(), at, none(), none(), false, "by " + actor + why);
  }

  private static <T> Optional<T> none() {
    return Optional.empty();
  }

  private static Instant instant(Map<String, String> data, String key, Instant otherwise) {
    String value = data.get(key);
    return value == null ? otherwise : Instant.parse(value);
  }

  private static Optional<Duration> duration(Map<String, String> data) {
    return Optional.ofNullable(data.get("after")).map(Duration::parse);
  }
}
