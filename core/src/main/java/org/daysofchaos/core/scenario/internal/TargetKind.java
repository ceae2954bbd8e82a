package org.daysofchaos.core.scenario.internal;

import java.util.List;
import java.util.function.Function;
import org.daysofchaos.core.TargetSpec;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.binder.RecordShape;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.Types;
import org.daysofchaos.core.spec.Kind;

/**
 * A target kind of the catalog, as the reader sees it: the key that introduces it ({@code proxy}),
 * the keys it allows beside that key ({@code server}), and how it is built.
 *
 * <p>A record with a component named like its kind is written flat, its components being the keys
 * of the target ({@code {proxy: payment, server: eu}}); any other record is the value of its kind's
 * key ({@code {database: {host: db-1, name: orders}}}), written as its {@code Notation} says or as
 * a map of its components.
 *
 * @param example how a target of this kind is written, for messages: {@code {proxy: NAME}}
 * @param key the field of the kind's key
 * @param besides the other keys of a flat target
 * @param build the target from a bound map whose kind key is this kind's
 */
record TargetKind(
    String kind,
    String example,
    Field key,
    List<Field> besides,
    Function<Shape.Bound, Object> build) {

  /**
   * Reads a target kind record.
   *
   * @throws IllegalArgumentException when the record has no {@code @Kind} or cannot be written in
   *     YAML
   */
  static TargetKind of(Class<? extends TargetSpec> type) {
    Kind kind = type.getAnnotation(Kind.class);
    if (kind == null) {
      throw new IllegalArgumentException(type.getName() + " has no @Kind");
    }
    String example = kind.example().isEmpty() ? "{" + kind.value() + ": NAME}" : kind.example();
    Class<? extends Record> record = type.asSubclass(Record.class);
    boolean flat =
        List.of(record.getRecordComponents()).stream()
            .anyMatch(c -> c.getName().equals(kind.value()));
    if (!flat) {
      Field key = Field.optional(kind.value(), Types.of(record), null, kind.doc());
      return new TargetKind(kind.value(), example, key, List.of(), b -> b.get(kind.value()));
    }
    RecordShape shape = RecordShape.of(record, kind.value(), kind.doc(), List.of());
    Field key = shape.shape().field(kind.value()).asOptional();
    List<Field> besides =
        shape.shape().fields().stream().filter(f -> !f.name().equals(kind.value())).toList();
    return new TargetKind(
        kind.value(),
        example,
        key.doc() == null ? key.withDoc(kind.doc()) : key,
        besides,
        shape::construct);
  }
}
