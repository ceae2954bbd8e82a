package org.daysofchaos.core.spec;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.TargetSpec;

/**
 * The kinds a scenario may use, by their name: faults and probes by their {@code kind:}, targets by
 * the key that introduces them ({@code proxy}). The standard catalog lives in the {@code
 * experiments} module; tests and extensions may build their own.
 */
public final class KindCatalog {
  private final Map<String, Class<? extends FaultSpec>> faults = new LinkedHashMap<>();
  private final Map<String, Class<? extends ProbeSpec>> probes = new LinkedHashMap<>();
  private final Map<String, Class<? extends TargetSpec>> targets = new LinkedHashMap<>();

  private KindCatalog() {}

  /**
   * A catalog of the given records, each annotated with {@link Kind}.
   *
   * @throws IllegalArgumentException if a class lacks {@link Kind}, is not a record, implements
   *     none of the spec interfaces, or repeats a kind name
   */
  @SafeVarargs
  public static KindCatalog of(Class<? extends Record>... kinds) {
    return of(List.of(kinds));
  }

  /** As {@link #of(Class[])}, in the order of the list. */
  public static KindCatalog of(List<Class<? extends Record>> kinds) {
    KindCatalog catalog = new KindCatalog();
    for (Class<? extends Record> type : kinds) {
      catalog.add(type);
    }
    return catalog;
  }

  @SuppressWarnings("unchecked")
  private void add(Class<? extends Record> type) {
    Kind kind = type.getAnnotation(Kind.class);
    if (kind == null) {
      throw new IllegalArgumentException(type.getName() + " has no @Kind");
    }
    String name = kind.value();
    if (faults.containsKey(name) || probes.containsKey(name) || targets.containsKey(name)) {
      throw new IllegalArgumentException("kind " + name + " is registered twice");
    }
    if (FaultSpec.class.isAssignableFrom(type)) {
      faults.put(name, (Class<? extends FaultSpec>) (Class<?>) type);
    } else if (ProbeSpec.class.isAssignableFrom(type)) {
      probes.put(name, (Class<? extends ProbeSpec>) (Class<?>) type);
    } else if (TargetSpec.class.isAssignableFrom(type)) {
      targets.put(name, (Class<? extends TargetSpec>) (Class<?>) type);
    } else {
      throw new IllegalArgumentException(
          type.getName() + " is none of FaultSpec, ProbeSpec and TargetSpec");
    }
  }

  public Optional<Class<? extends FaultSpec>> fault(String kind) {
    return Optional.ofNullable(faults.get(kind));
  }

  public Optional<Class<? extends ProbeSpec>> probe(String kind) {
    return Optional.ofNullable(probes.get(kind));
  }

  /** The target kind introduced by the key {@code kind}, e.g. {@code proxy}. */
  public Optional<Class<? extends TargetSpec>> target(String kind) {
    return Optional.ofNullable(targets.get(kind));
  }

  public Collection<String> faultKinds() {
    return List.copyOf(faults.keySet());
  }

  public Collection<String> probeKinds() {
    return List.copyOf(probes.keySet());
  }

  /** The target kinds in the order they were given: messages and the schema list them so. */
  public Collection<String> targetKinds() {
    return List.copyOf(targets.keySet());
  }

  /** The {@code kind:} name of a spec record, e.g. {@code network/latency}. */
  public static String kindOf(Object spec) {
    return kindName(spec.getClass());
  }

  /**
   * The {@code kind:} name of a spec record class, or its simple name if it has no {@link Kind}.
   */
  public static String kindName(Class<?> type) {
    Kind kind = type.getAnnotation(Kind.class);
    return kind == null ? type.getSimpleName() : kind.value();
  }
}
