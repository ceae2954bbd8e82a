package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.daysofchaos.core.spi.InjectionContext;

/**
 * One injection on one Kubernetes object, as both the ledger (its revert record) and the object
 * (its annotations) remember it. The two forms carry the same facts, so a revert needs either one:
 * the record after a crash, the annotations in a clean-up.
 *
 * @param kind the fault kind, e.g. {@code kubernetes/scale}
 * @param resource the changed object's kind: {@code deployment}, {@code statefulset}, {@code
 *     configmap}, {@code networkpolicy}, {@code node} or {@code pods}
 * @param namespace its namespace, empty for a node
 * @param originals what a revert needs to restore, by record key; each kind says which annotation
 *     holds each of its keys on the object ({@link KubernetesFaultInjector#originals()})
 */
record Mark(
    String kind,
    String resource,
    String namespace,
    String name,
    String injection,
    String run,
    Instant expiresAt,
    Map<String, String> originals) {

  /** The record key that marks a ledger record as ours; its value is the fault kind. */
  static final String MARKER = "kubernetes";

  static final String CLUSTER = "cluster";

  /** The record keys of every mark; the others are the kind's originals. */
  private static final List<String> COMMON_KEYS =
      List.of(MARKER, CLUSTER, "resource", "namespace", "name", "injection", "run", "expiresAt");

  /** The annotations of every mark; a kind adds those of its originals. */
  private static final List<String> COMMON_ANNOTATIONS =
      List.of(Annotations.INJECTION, Annotations.RUN, Annotations.EXPIRES_AT, Annotations.FAULT);

  Mark {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(injection, "injection");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(expiresAt, "expiresAt");
    originals = Map.copyOf(originals);
  }

  static Mark of(
      String kind,
      String resource,
      String namespace,
      String name,
      InjectionContext context,
      Map<String, String> originals) {
    return new Mark(
        kind,
        resource,
        namespace,
        name,
        context.injectionId(),
        context.runId(),
        context.expiresAt(),
        originals);
  }

  Optional<String> original(String key) {
    return Optional.ofNullable(originals.get(key));
  }

  /** "deployment checkout in namespace shop", "node worker-1". */
  String object() {
    return resource + " " + name + (namespace.isEmpty() ? "" : " in namespace " + namespace);
  }

  // --- the ledger's form ------------------------------------------------------------------------

  /** The revert record for the ledger; {@code cluster} names the API server it lives on. */
  Map<String, String> toRecord(String cluster) {
    Map<String, String> record = new LinkedHashMap<>();
    record.put(MARKER, kind);
    record.put(CLUSTER, cluster);
    record.put("resource", resource);
    if (!namespace.isEmpty()) {
      record.put("namespace", namespace);
    }
    record.put("name", name);
    record.put("injection", injection);
    record.put("run", run);
    record.put("expiresAt", expiresAt.toString());
    record.putAll(originals);
    return record;
  }

  static Mark fromRecord(Map<String, String> record) {
    Map<String, String> originals = new LinkedHashMap<>(record);
    originals.keySet().removeAll(COMMON_KEYS);
    return new Mark(
        required(record, MARKER),
        required(record, "resource"),
        record.getOrDefault("namespace", ""),
        required(record, "name"),
        required(record, "injection"),
        record.getOrDefault("run", ""),
        instant(required(record, "expiresAt")),
        originals);
  }

  private static String required(Map<String, String> record, String key) {
    String value = record.get(key);
    if (value == null) {
      throw new IllegalArgumentException(
          "the kubernetes revert record has no " + key + ": " + record);
    }
    return value;
  }

  // --- the object's form ------------------------------------------------------------------------

  /**
   * The annotations that say, on the object, that this injection changed it.
   *
   * @param names the annotation of each original's record key, as the kind names them
   */
  Map<String, String> annotations(Map<String, String> names) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(Annotations.INJECTION, injection);
    annotations.put(Annotations.RUN, run);
    annotations.put(Annotations.EXPIRES_AT, expiresAt.toString());
    annotations.put(Annotations.FAULT, kind);
    names.forEach(
        (key, annotation) -> original(key).ifPresent(v -> annotations.put(annotation, v)));
    return annotations;
  }

  /** Writes the label and annotations onto an object (in memory; the caller sends it). */
  void applyTo(ObjectMeta meta, Map<String, String> names) {
    Map<String, String> labels = new LinkedHashMap<>(orEmpty(meta.getLabels()));
    labels.put(Annotations.INJECTED, "true");
    meta.setLabels(labels);
    Map<String, String> annotations = new LinkedHashMap<>(orEmpty(meta.getAnnotations()));
    annotations.putAll(annotations(names));
    meta.setAnnotations(annotations);
  }

  /**
   * Removes our label and annotations from an object (in memory): those of every mark and the given
   * annotations of the kind's originals.
   */
  static void stripFrom(ObjectMeta meta, Collection<String> originalAnnotations) {
    if (meta.getLabels() != null) {
      Map<String, String> labels = new LinkedHashMap<>(meta.getLabels());
      labels.remove(Annotations.INJECTED);
      meta.setLabels(labels);
    }
    if (meta.getAnnotations() != null) {
      Map<String, String> annotations = new LinkedHashMap<>(meta.getAnnotations());
      annotations.keySet().removeAll(COMMON_ANNOTATIONS);
      annotations.keySet().removeAll(originalAnnotations);
      meta.setAnnotations(annotations);
    }
  }

  /** The injection an object carries, if any. */
  static Optional<String> injectionOn(HasMetadata object) {
    return Optional.ofNullable(
        orEmpty(object.getMetadata().getAnnotations()).get(Annotations.INJECTION));
  }

  /** Whether the object carries exactly this injection. */
  boolean isOn(HasMetadata object) {
    return injectionOn(object).filter(injection::equals).isPresent();
  }

  /**
   * The mark an object carries, read from its annotations; empty when it carries none.
   *
   * @param namesOfKind the annotations of the originals of a kind, by the kind's name
   * @throws IllegalArgumentException when the annotations are incomplete or garbled
   */
  static Optional<Mark> on(
      String resource, HasMetadata object, Function<String, Map<String, String>> namesOfKind) {
    Map<String, String> annotations = orEmpty(object.getMetadata().getAnnotations());
    String injection = annotations.get(Annotations.INJECTION);
    if (injection == null) {
      return Optional.empty();
    }
    String expiresAt = annotations.get(Annotations.EXPIRES_AT);
    String kind = annotations.get(Annotations.FAULT);
    if (expiresAt == null || kind == null) {
      throw new IllegalArgumentException(
          resource
              + " "
              + object.getMetadata().getName()
              + " carries injection "
              + injection
              + " without "
              + (kind == null ? Annotations.FAULT : Annotations.EXPIRES_AT));
    }
    Map<String, String> originals = new LinkedHashMap<>();
    namesOfKind
        .apply(kind)
        .forEach(
            (key, annotation) -> {
              if (annotations.containsKey(annotation)) {
                originals.put(key, annotations.get(annotation));
              }
            });
    String namespace = object.getMetadata().getNamespace();
    return Optional.of(
        new Mark(
            kind,
            resource,
            namespace == null ? "" : namespace,
            object.getMetadata().getName(),
            injection,
            annotations.getOrDefault(Annotations.RUN, ""),
            instant(expiresAt),
            originals));
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an instant", e);
    }
  }

  static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
