package org.daysofchaos.core.scenario.internal;

import java.util.List;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.TargetSpec;
import org.daysofchaos.core.binder.RecordShape;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.spec.Kind;

/**
 * A kind record of the catalog, as the reader sees it: its {@code kind:} name, the targets it
 * takes, and the record's fields and constructor (see {@link RecordShape}).
 */
public record KindShape(
    String kind, String doc, List<Class<? extends TargetSpec>> targets, RecordShape record) {

  /**
   * Reads a kind record.
   *
   * @throws IllegalArgumentException when the record cannot be written in YAML: a component type
   *     without a notation, a {@code @Default} that does not parse, a fault without {@code target}
   */
  public static KindShape of(Class<? extends Record> type) {
    Kind kind = type.getAnnotation(Kind.class);
    if (kind == null) {
      throw new IllegalArgumentException(type.getName() + " has no @Kind");
    }
    boolean hasTarget = false;
    for (var c : type.getRecordComponents()) {
      if (c.getName().equals("kind")) {
        throw new IllegalArgumentException(
            type.getSimpleName() + ".kind: 'kind' is reserved for the kind name");
      }
      hasTarget |= c.getName().equals("target") && c.getType() == String.class;
    }
    if (FaultSpec.class.isAssignableFrom(type) && !hasTarget) {
      throw new IllegalArgumentException(
          type.getName() + " is a fault kind without a String component 'target'");
    }
    return new KindShape(
        kind.value(),
        kind.doc(),
        List.of(kind.targets()),
        RecordShape.of(type, kind.value(), kind.doc(), List.of("kind")));
  }

  public Shape shape() {
    return record.shape();
  }
}
