package org.daysofchaos.core.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The game master's notes and action items of a game day.
 *
 * @param updatedBy who last changed them; empty if nobody has
 */
public record Notes(
    String text,
    List<ActionItem> actions,
    Optional<String> updatedBy,
    Optional<Instant> updatedAt) {
  public Notes {
    text = text == null ? "" : text.strip();
    actions = actions == null ? List.of() : List.copyOf(actions);
    updatedBy = updatedBy == null ? Optional.empty() : updatedBy;
    updatedAt = updatedAt == null ? Optional.empty() : updatedAt;
  }

  public static Notes none() {
    return new Notes("", List.of(), Optional.empty(), Optional.empty());
  }

  @JsonIgnore
  public boolean isEmpty() {
    return text.isEmpty() && actions.isEmpty();
  }
}
