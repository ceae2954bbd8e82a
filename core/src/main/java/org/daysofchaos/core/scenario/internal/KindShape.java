package org.daysofchaos.core.scenario.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.KubernetesTarget;
import org.daysofchaos.core.TargetType;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A kind record of the catalog, as the reader sees it: its {@code kind:} name, its fields (the
 * record components, with {@link Default}, {@link Doc} and {@link Range}) and its constructor.
 */
public record KindShape(
    String kind,
    String doc,
    Class<? extends Record> type,
    TargetType[] targets,
    KubernetesTarget.Resource[] kubernetes,
    Shape shape,
    Constructor<?> constructor) {

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
    RecordComponent[] components = type.getRecordComponents();
    List<Field> fields = new ArrayList<>();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    boolean hasTarget = false;
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      parameterTypes[i] = c.getType();
      String where = type.getSimpleName() + "." + c.getName();
      if (c.getName().equals("kind")) {
        throw new IllegalArgumentException(where + ": 'kind' is reserved for the kind name");
      }
      if (c.getName().equals("target") && c.getType() == String.class) {
        hasTarget = true;
      }
      fields.add(field(c, where));
    }
    if (FaultSpec.class.isAssignableFrom(type) && !hasTarget) {
      throw new IllegalArgumentException(
          type.getName() + " is a fault kind without a String component 'target'");
    }
    Constructor<?> constructor;
    try {
      constructor = type.getDeclaredConstructor(parameterTypes);
      constructor.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot use the canonical constructor of " + type.getName(), e);
    }
    return new KindShape(
        kind.value(),
        kind.doc(),
        type,
        kind.targets().clone(),
        kind.kubernetes().clone(),
        new Shape(kind.doc(), fields, List.of("kind")),
        constructor);
  }

  private static Field field(RecordComponent c, String where) {
    ValueType type = Types.of(c.getGenericType());
    Doc doc = c.getAnnotation(Doc.class);
    String docText = doc == null ? null : doc.value();
    Default def = c.getAnnotation(Default.class);
    Field field;
    if (def == null) {
      field =
          type instanceof Types.OptionalType
              ? Field.optional(c.getName(), type, Optional.empty(), docText)
              : Field.required(c.getName(), type, docText);
    } else if (def.value().isEmpty()) {
      if (c.getType().isPrimitive()) {
        throw new IllegalArgumentException(
            where + ": @Default(\"\") means absent, which a primitive cannot be; use a boxed type");
      }
      Object absent =
          type instanceof Types.OptionalType
              ? Optional.empty()
              : type instanceof Types.ListType ? List.of() : null;
      field = Field.optional(c.getName(), type, absent, docText);
    } else {
      Node node;
      try {
        node = YamlSource.composeTrusted(def.value());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            where + ": @Default(\"" + def.value() + "\") is not YAML", e);
      }
      Ctx ctx = new Ctx("@Default");
      Object value = node == null ? ValueType.INVALID : type.bind(node, c.getName(), ctx);
      if (value == ValueType.INVALID) {
        throw new IllegalArgumentException(
            where
                + ": @Default(\""
                + def.value()
                + "\") is not "
                + type.expected()
                + (ctx.problemCount() > 0 ? ": " + ctx.sortedProblems().get(0).message() : ""));
      }
      field = Field.optional(c.getName(), type, value, docText).withDefaultNode(node);
    }
    Range range = c.getAnnotation(Range.class);
    if (range != null) {
      if (!(type == Types.INT || type == Types.LONG || type == Types.DOUBLE)) {
        throw new IllegalArgumentException(where + ": @Range is only for numbers");
      }
      field = field.withRange(range.min(), range.max());
      String outside = field.defaultValue() == null ? null : field.outOfRange(field.defaultValue());
      if (outside != null) {
        throw new IllegalArgumentException(where + ": the @Default " + outside);
      }
    }
    return field;
  }
}
