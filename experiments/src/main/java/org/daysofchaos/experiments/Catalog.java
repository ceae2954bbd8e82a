package org.daysofchaos.experiments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.Registrations;

/**
 * Every kind that scenario files may use: each record registered with {@code @AutoService} as a
 * {@link FaultSpec} or a {@link ProbeSpec} (docs/creating-faults.md). Kinds are ordered by name, so
 * the generated reference, the schema and the reader's messages do not depend on the class path.
 */
public final class Catalog {
  private static final KindCatalog STANDARD = KindCatalog.of(registered());

  private Catalog() {}

  public static KindCatalog standard() {
    return STANDARD;
  }

  private static List<Class<? extends Record>> registered() {
    List<Class<? extends Record>> kinds = new ArrayList<>();
    kinds.addAll(byKindName(Registrations.classes(FaultSpec.class)));
    kinds.addAll(byKindName(Registrations.classes(ProbeSpec.class)));
    return kinds;
  }

  private static List<Class<? extends Record>> byKindName(List<? extends Class<?>> classes) {
    return classes.stream()
        .<Class<? extends Record>>map(c -> c.asSubclass(Record.class))
        .sorted(Comparator.comparing(KindCatalog::kindName))
        .toList();
  }
}
