package org.daysofchaos.core.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A map from spec record classes to the code that handles them (injectors, probe runners). */
final class Registry<S, H> {
  private final Map<Class<? extends S>, H> handlers = new LinkedHashMap<>();

  void put(Class<? extends S> type, H handler) {
    handlers.put(type, handler);
  }

  Optional<H> find(S spec) {
    return Optional.ofNullable(handlers.get(spec.getClass()));
  }

  Optional<H> find(Class<? extends S> type) {
    return Optional.ofNullable(handlers.get(type));
  }
}
