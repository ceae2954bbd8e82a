package org.daysofchaos.core.spi;

import java.util.Map;
import java.util.Objects;

/**
 * What is needed to revert an injection without the process that applied it, as the ledger keeps
 * it: the backend whose {@link Reverter} reads it, and that backend's own facts (server and toxic,
 * pid, object and original values). Nobody but that backend looks inside {@code data}.
 *
 * @param backend the {@link Reverter#backend()} that reverts it; empty only for {@link #NONE}
 */
public record RevertRecord(String backend, Map<String, String> data) {
  /** Nothing to revert: a fault that cannot be undone (a kill) or was refused before any change. */
  public static final RevertRecord NONE = new RevertRecord("", Map.of());

  public RevertRecord {
    Objects.requireNonNull(backend, "backend");
    data = Map.copyOf(data);
    if (backend.isEmpty() && !data.isEmpty()) {
      throw new IllegalArgumentException("a revert record with data must name its backend");
    }
  }

  /** Whether there is nothing to revert. */
  public boolean isEmpty() {
    return data.isEmpty();
  }
}
