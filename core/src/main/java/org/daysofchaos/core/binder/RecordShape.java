package org.daysofchaos.core.binder;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.NotBlank;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.core.spec.SpecException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A record as the binder sees it: its components are the keys of a map (with {@link Doc}, {@link
 * Default}, {@link Range} and {@link NotBlank}; a component without {@code @Default} is required,
 * unless it is an {@code Optional}), and its canonical constructor builds the value. A constructor
 * that refuses its values with a {@link SpecException} gets a problem at the field the exception
 * names; any other exception, a problem at the map.
 *
 * @param name how messages name the record, e.g. its kind
 */
public record RecordShape(
    String name, Class<? extends Record> type, Shape shape, Constructor<?> constructor) {

  /**
   * Reads a record.
   *
   * @param extraKeys keys of the map that are not components (bound by someone else)
   * @throws IllegalArgumentException when the record cannot be written in YAML: a component type
   *     without a notation, a {@code @Default} that does not parse or is out of its {@code @Range}
   */
  public static RecordShape of(
      Class<? extends Record> type, String name, String doc, List<String> extraKeys) {
    RecordComponent[] components = type.getRecordComponents();
    List<Field> fields = new ArrayList<>();
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      parameterTypes[i] = components[i].getType();
      fields.add(field(components[i], type.getSimpleName() + "." + components[i].getName()));
    }
    Constructor<?> constructor;
    try {
      constructor = type.getDeclaredConstructor(parameterTypes);
      constructor.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot use the canonical constructor of " + type.getName(), e);
    }
    return new RecordShape(name, type, new Shape(doc, fields, extraKeys), constructor);
  }

  /**
   * Builds the record from a valid bound map; a refusal of the constructor is reported and gives
   * {@link ValueType#INVALID}.
   */
  public Object construct(Shape.Bound bound) {
    Object[] args = shape.fields().stream().map(f -> bound.values().get(f.name())).toArray();
    MappingNode map = bound.map();
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SpecException spec && spec.field() != null) {
        Entry entry = bound.entries().get(spec.field());
        Node at =
            entry == null ? map : Nodes.isNull(entry.value()) ? entry.keyNode() : entry.value();
        bound.ctx().problem(at, Paths.child(bound.path(), spec.field()), message(spec));
      } else {
        bound.ctx().problem(map, bound.path(), message(cause));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      bound.ctx().problem(map, bound.path(), name + " cannot be built: " + message(e));
    }
    return ValueType.INVALID;
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  private static Field field(RecordComponent c, String where) {
    ValueType type = type(c, where);
    Doc doc = c.getAnnotation(Doc.class);
    String docText = doc == null ? null : doc.value();
    Default def = c.getAnnotation(Default.class);
    Field field;
    if (def == null) {
      field =
          Types.isOptional(type)
              ? Field.optional(c.getName(), type, Optional.empty(), docText)
              : Field.required(c.getName(), type, docText);
    } else if (def.value().isEmpty()) {
      field = absent(c, type, docText, where);
    } else {
      field = withDefault(c, type, docText, def.value(), where);
    }
    Range range = c.getAnnotation(Range.class);
    return range == null ? field : ranged(field, range, where);
  }

  /** The component's notation; {@code @NotBlank} texts refuse blanks. */
  private static ValueType type(RecordComponent c, String where) {
    if (!c.isAnnotationPresent(NotBlank.class)) {
      return Types.of(c.getGenericType());
    }
    Type text =
        c.getGenericType() instanceof ParameterizedType p
            ? p.getActualTypeArguments()[0]
            : c.getGenericType();
    if (text != String.class) {
      throw new IllegalArgumentException(where + ": @NotBlank is only for texts");
    }
    return Types.of(c.getGenericType(), Types.NON_BLANK);
  }

  /** {@code @Default("")}: absent is null, an empty Optional or an empty list. */
  private static Field absent(RecordComponent c, ValueType type, String doc, String where) {
    if (c.getType().isPrimitive()) {
      throw new IllegalArgumentException(
          where + ": @Default(\"\") means absent, which a primitive cannot be; use a boxed type");
    }
    Object absent =
        Types.isOptional(type) ? Optional.empty() : Types.isList(type) ? List.of() : null;
    return Field.optional(c.getName(), type, absent, doc);
  }

  private static Field withDefault(
      RecordComponent c, ValueType type, String doc, String yaml, String where) {
    Node node;
    try {
      node = YamlSource.composeTrusted(yaml);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(where + ": @Default(\"" + yaml + "\") is not YAML", e);
    }
    ReadContext ctx = new ReadContext("@Default");
    Object value = node == null ? ValueType.INVALID : type.bind(node, c.getName(), ctx);
    if (value == ValueType.INVALID) {
      throw new IllegalArgumentException(
          where
              + ": @Default(\""
              + yaml
              + "\") is not "
              + type.expected()
              + (ctx.problemCount() > 0 ? ": " + ctx.sortedProblems().get(0).message() : ""));
    }
    return Field.optional(c.getName(), type, value, doc).withDefaultNode(node);
  }

  private static Field ranged(Field field, Range range, String where) {
    ValueType type = field.type();
    if (!(type == Types.INT || type == Types.LONG || type == Types.DOUBLE)) {
      throw new IllegalArgumentException(where + ": @Range is only for numbers");
    }
    Field ranged = field.withRange(range.min(), range.max());
    String outside =
        ranged.defaultValue() == null ? null : ranged.outOfRange(ranged.defaultValue());
    if (outside != null) {
      throw new IllegalArgumentException(where + ": the @Default " + outside);
    }
    return ranged;
  }
}
