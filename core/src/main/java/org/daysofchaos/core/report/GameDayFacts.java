package org.daysofchaos.core.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The game day a report is about.
 *
 * @param state as the server says it ("running", "finished", ...), or "journals" for a report made
 *     from journal files
 * @param running true while incidents may still fire or run: the report is provisional and says so
 *     on its first line
 * @param startedAt when it started; empty if never (a report from journals: the first injection)
 * @param generatedAt when the report was made
 */
public record GameDayFacts(
    String id,
    String name,
    String state,
    boolean running,
    Optional<Instant> startedAt,
    Instant generatedAt) {
  public GameDayFacts {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(generatedAt, "generatedAt");
    name = name == null || name.isBlank() ? id : name;
    state = state == null ? "" : state;
    startedAt = startedAt == null ? Optional.empty() : startedAt;
  }
}
