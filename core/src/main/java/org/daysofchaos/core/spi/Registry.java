package org.daysofchaos.core.spi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.daysofchaos.core.spec.KindCatalog;

/**
 * A map from spec record classes to the code that handles them (injectors, probe runners), built
 * from lists: each handler names its own record, and one kind has at most one handler.
 */
final class Registry<S, H> {
  private final Map<Class<? extends S>, H> handlers = new LinkedHashMap<>();

  Registry(Collection<? extends H> all, Function<H, Class<? extends S>> typeOf, String what) {
    for (H handler : all) {
      Class<? extends S> type = typeOf.apply(handler);
      H before = handlers.putIfAbsent(type, handler);
      if (before != null) {
        throw new IllegalArgumentException(
            "two "
                + what
                + "s for kind "
                + KindCatalog.kindName(type)
                + ": "
                + before.getClass().getName()
                + " and "
                + handler.getClass().getName()
                + "; a kind has one "
                + what);
      }
    }
  }

  Optional<H> find(S spec) {
    return Optional.ofNullable(handlers.get(spec.getClass()));
  }

  Optional<H> find(Class<? extends S> type) {
    return Optional.ofNullable(handlers.get(type));
  }

  List<H> all() {
    return List.copyOf(handlers.values());
  }
}
