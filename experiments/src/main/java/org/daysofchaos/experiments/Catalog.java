package org.daysofchaos.experiments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.Registrations;
import org.daysofchaos.experiments.host.AgentTarget;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.targets.ProcessTarget;
import org.daysofchaos.experiments.targets.ProxyTarget;

/**
 * Every kind that scenario files may use. Fault and probe kinds are the records registered with
 * {@code @AutoService} as a {@link FaultSpec} or a {@link ProbeSpec} (docs/creating-faults.md),
 * ordered by name, so the generated reference, the schema and the reader's messages do not depend
 * on the class path. Target kinds are listed here, in the order messages and the schema give them
 * ("give only one of proxy, process, kubernetes, agent"); a new one comes with a new backend (ADR
 * 0008).
 */
public final class Catalog {
  private static final List<Class<? extends Record>> TARGETS =
      List.of(ProxyTarget.class, ProcessTarget.class, KubernetesTarget.class, AgentTarget.class);

  private static final KindCatalog STANDARD = KindCatalog.of(registered());

  private Catalog() {}

  public static KindCatalog standard() {
    return STANDARD;
  }

  private static List<Class<? extends Record>> registered() {
    List<Class<? extends Record>> kinds = new ArrayList<>(TARGETS);
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
