package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.spec.YamlEnum;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The value types every language shares: texts, durations, numbers, booleans, enums, optional
 * values, lists, maps of a known shape, maps of names, and records. A language adds its own by
 * extending {@link ValueType} or {@link ScalarType}.
 */
public final class Types {
  /** Where the schema of a duration is defined; see {@link SchemaWriter#durationDefinitions()}. */
  public static final String DURATION_DEF = "#/$defs/duration";

  public static final String POSITIVE_DURATION_DEF = "#/$defs/positiveDuration";

  /** The duration notation as a regular expression (kept in step with {@link Durations}). */
  static final String DURATION_PATTERN = "^(?:[0-9]+(?:ms|s|m|h))+$";

  static final String POSITIVE_DURATION_PATTERN = "^(?=.*[1-9])(?:[0-9]+(?:ms|s|m|h))+$";

  private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");
  private static final String DURATION_EXPECTED = "a duration such as 500ms, 30s, 2m or 1h30m";

  private Types() {}

  /** Any text; a number or a boolean written where a text is expected is taken as its text. */
  public static final ValueType STRING =
      new ScalarType() {
        @Override
        protected Object convert(ScalarNode scalar) {
          return scalar.getValue();
        }

        @Override
        public String expected() {
          return "a text";
        }

        @Override
        public ObjectNode schema() {
          return JSON.objectNode().put("type", "string");
        }
      };

  /** A text with at least one character that is not a space. */
  public static final ValueType NON_BLANK =
      new ScalarType() {
        @Override
        protected Object convert(ScalarNode scalar) {
          if (scalar.getValue().isBlank()) {
            throw new IllegalArgumentException("must not be empty");
          }
          return scalar.getValue();
        }

        @Override
        public String expected() {
          return "a text";
        }

        @Override
        public ObjectNode schema() {
          return JSON.objectNode().put("type", "string").put("pattern", "\\S");
        }
      };

  /** A {@link Duration} as {@link Durations} writes it: {@code 500ms}, {@code 1h30m}. */
  public static final ValueType DURATION = new DurationType(false, DURATION_EXPECTED);

  /** A duration longer than zero. */
  public static final ValueType POSITIVE_DURATION = new DurationType(true, DURATION_EXPECTED);

  /** An {@code int}; a quoted number is refused, as in the schema. */
  public static final ValueType INT =
      new NumberType(
          WHOLE,
          "a whole number",
          "integer",
          Integer::parseInt,
          t -> ValueType.JSON.numberNode(Integer.parseInt(t)));

  /** A {@code long}. */
  public static final ValueType LONG =
      new NumberType(
          WHOLE,
          "a whole number",
          "integer",
          Long::parseLong,
          t -> ValueType.JSON.numberNode(Long.parseLong(t)));

  /** A {@code double}. */
  public static final ValueType DOUBLE =
      new NumberType(
          DECIMAL,
          "a number",
          "number",
          NumberType::finite,
          t -> ValueType.JSON.numberNode(new BigDecimal(t)));

  /** {@code true} or {@code false} (also capitalised), not in quotes. */
  public static final ValueType BOOLEAN = new BooleanType();

  /** A duration whose examples fit the field better: "a duration such as 30m or 2h". */
  public static ValueType duration(boolean positive, String expected) {
    return new DurationType(positive, expected);
  }

  /**
   * A text that matches {@code regex}; otherwise "'x' is not a valid {@code invalid}", e.g. {@code
   * invalid} "id; use lower-case words joined by '-', e.g. demo-day".
   */
  public static PatternType matching(String regex, String expected, String invalid) {
    return new PatternType(regex, expected, invalid, false);
  }

  /** An enum, spelled as {@link YamlEnum} does. */
  public static ValueType enumOf(Class<? extends Enum<?>> type) {
    return new EnumType(type);
  }

  /**
   * An optional value: absent is {@code Optional.empty()}, present is the value of {@code inner}.
   */
  public static ValueType optional(ValueType inner) {
    return new OptionalType(inner);
  }

  /** A list of {@code item}s; {@code noun} names one item in messages ("fault", "team"). */
  public static ListType list(ValueType item, String noun) {
    return ListType.of(item, noun);
  }

  /** A map of {@code shape}, built with {@code build} once all its fields are valid. */
  public static MapType map(Shape shape, Function<Shape.Bound, Object> build) {
    return MapType.of(shape, build);
  }

  /** A map of names of the user's choice to {@code value}s, in file order. */
  public static ValueType named(ValueType value, String noun) {
    return new NamedType(value, noun);
  }

  /**
   * A record: its components are the keys, with {@code @Doc}, {@code @Default} and {@code @Range}
   * (see {@link RecordShape}).
   *
   * @throws IllegalArgumentException when the record cannot be written in YAML
   */
  public static ValueType record(Class<? extends Record> type, String doc) {
    RecordShape record = RecordShape.of(type, type.getSimpleName(), doc, List.of());
    return map(record.shape(), record::construct);
  }

  static boolean isOptional(ValueType type) {
    return type instanceof OptionalType;
  }

  static boolean isList(ValueType type) {
    return type instanceof ListType;
  }

  /**
   * The value type of a record component: the plain types, enums, {@code Optional<...>} and {@code
   * List<...>} of those, a class with a {@link Notation}, and a record (a map of its components).
   *
   * @throws IllegalArgumentException for a Java type the binder has no notation for
   */
  public static ValueType of(Type type) {
    return of(type, STRING);
  }

  /** As {@link #of(Type)}, with {@code text} for {@code String} (e.g. {@link #NON_BLANK}). */
  @SuppressWarnings("unchecked")
  static ValueType of(Type type, ValueType text) {
    if (type instanceof Class<?> c) {
      ValueType plain = c == String.class ? text : plain(c);
      if (plain != null) {
        return plain;
      }
      if (c.isEnum()) {
        return enumOf((Class<? extends Enum<?>>) c);
      }
      if (c.isAnnotationPresent(Notation.class)) {
        return notation(c.getAnnotation(Notation.class));
      }
      if (c.isRecord()) {
        return record(c.asSubclass(Record.class), null);
      }
    }
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
      Type arg = p.getActualTypeArguments()[0];
      if (p.getRawType() == Optional.class) {
        return optional(of(arg, text));
      }
      if (p.getRawType() == List.class) {
        return list(of(arg, text), "value");
      }
    }
    throw new IllegalArgumentException(
        "no YAML notation for "
            + type.getTypeName()
            + "; use one of String, Duration, int, long, double, boolean (or boxed), an enum, a"
            + " record, a class with a @Notation, Optional<...> or List<...> of those");
  }

  private static ValueType notation(Notation notation) {
    try {
      var constructor = notation.value().getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot build the notation " + notation.value().getName() + " (no-argument constructor)",
          e);
    }
  }

  private static ValueType plain(Class<?> c) {
    if (c == Duration.class) {
      return DURATION;
    }
    if (c == int.class || c == Integer.class) {
      return INT;
    }
    if (c == long.class || c == Long.class) {
      return LONG;
    }
    if (c == double.class || c == Double.class) {
      return DOUBLE;
    }
    if (c == boolean.class || c == Boolean.class) {
      return BOOLEAN;
    }
    return null;
  }
}
