package org.daysofchaos.core.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which {@link Reverter} reverts which backend's records: a lookup by the record's backend, built
 * from a list. Closing it closes the reverters that hold a connection.
 */
public final class Reverters implements AutoCloseable {
  private final Map<String, Reverter> byBackend = new LinkedHashMap<>();

  private Reverters(List<? extends Reverter> reverters) {
    for (Reverter reverter : reverters) {
      Reverter before = byBackend.putIfAbsent(reverter.backend(), reverter);
      if (before != null) {
        throw new IllegalArgumentException("two reverters for backend " + reverter.backend());
      }
    }
  }

  /**
   * @throws IllegalArgumentException when two reverters are for the same backend
   */
  public static Reverters of(List<? extends Reverter> reverters) {
    return new Reverters(reverters);
  }

  /**
   * The reverter of a backend.
   *
   * @throws IllegalArgumentException when no reverter is configured for it
   */
  public Reverter forBackend(String backend) {
    Reverter reverter = byBackend.get(backend);
    if (reverter == null) {
      throw new IllegalArgumentException(
          "no reverter for backend '"
              + backend
              + "'; known backends: "
              + String.join(", ", byBackend.keySet()));
    }
    return reverter;
  }

  /** Reverts a record with its backend's reverter; an empty record has nothing to revert. */
  public void revert(RevertRecord record) throws Exception {
    if (!record.isEmpty()) {
      forBackend(record.backend()).revert(record);
    }
  }

  @Override
  public void close() {
    for (Reverter reverter : byBackend.values()) {
      if (reverter instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          // Closing a connection after the reverts were done must not hide their outcome.
        }
      }
    }
  }
}
