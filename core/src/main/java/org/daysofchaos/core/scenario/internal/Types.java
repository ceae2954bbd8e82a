package org.daysofchaos.core.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.spec.YamlEnum;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The value types of the scenario language. */
public final class Types {
  static final String DURATION_DEF = "#/$defs/duration";
  static final String POSITIVE_DURATION_DEF = "#/$defs/positiveDuration";

  /** The duration notation as a regular expression (kept in step with {@link Durations}). */
  static final String DURATION_PATTERN = "^(?:[0-9]+(?:ms|s|m|h))+$";

  static final String POSITIVE_DURATION_PATTERN = "^(?=.*[1-9])(?:[0-9]+(?:ms|s|m|h))+$";

  private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

  private Types() {}

  static final ValueType STRING =
      new ScalarType() {
        @Override
        Object convert(ScalarNode scalar) {
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
  static final ValueType NON_BLANK =
      new ScalarType() {
        @Override
        Object convert(ScalarNode scalar) {
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

  /** Lower-case words joined by '-', in segments separated by '/'. */
  static final String ID_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$";

  private static final Pattern ID_REGEX = Pattern.compile(ID_PATTERN);

  static final ValueType ID =
      new ScalarType() {
        @Override
        Object convert(ScalarNode scalar) {
          String id = scalar.getValue();
          if (!ID_REGEX.matcher(id).matches()) {
            throw new IllegalArgumentException(
                Nodes.quote(id)
                    + " is not a valid id; use lower-case words joined by '-', in segments"
                    + " separated by '/', e.g. demo/payment-latency");
          }
          return id;
        }

        @Override
        public String expected() {
          return "an id such as demo/payment-latency";
        }

        @Override
        public ObjectNode schema() {
          return JSON.objectNode().put("type", "string").put("pattern", ID_PATTERN);
        }
      };

  /** Prometheus' syntax for metric and label names, which {@code alertname} values follow. */
  static final String ALERT_NAME_PATTERN = "^[a-zA-Z_][a-zA-Z0-9_]*$";

  private static final Pattern ALERT_NAME_REGEX = Pattern.compile(ALERT_NAME_PATTERN);

  /** The name of a Prometheus alert, as its rule's {@code alert:} gives it. */
  static final ValueType ALERT_NAME =
      new ScalarType() {
        @Override
        Object convert(ScalarNode scalar) {
          String name = scalar.getValue();
          if (name.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
          }
          if (!ALERT_NAME_REGEX.matcher(name).matches()) {
            throw new IllegalArgumentException(
                Nodes.quote(name)
                    + " is not a valid alert name; use letters, digits and '_', not starting with"
                    + " a digit, e.g. BookingLatencyHigh");
          }
          return name;
        }

        @Override
        public String expected() {
          return "an alert name such as BookingLatencyHigh";
        }

        @Override
        public ObjectNode schema() {
          return JSON.objectNode().put("type", "string").put("pattern", ALERT_NAME_PATTERN);
        }
      };

  static final ValueType DURATION = new DurationType(false);
  static final ValueType POSITIVE_DURATION = new DurationType(true);

  static final class DurationType extends ScalarType {
    private final boolean positive;

    DurationType(boolean positive) {
      this.positive = positive;
    }

    @Override
    Object convert(ScalarNode scalar) {
      Duration d = Durations.parse(scalar.getValue());
      if (positive && d.isZero()) {
        throw new IllegalArgumentException("must be longer than 0s");
      }
      return d;
    }

    @Override
    public String expected() {
      return "a duration such as 500ms, 30s, 2m or 1h30m";
    }

    @Override
    public ObjectNode schema() {
      return JSON.objectNode().put("$ref", positive ? POSITIVE_DURATION_DEF : DURATION_DEF);
    }
  }

  /** Whole numbers, as int or long. */
  static final class WholeType extends ScalarType {
    private final boolean isLong;

    WholeType(boolean isLong) {
      this.isLong = isLong;
    }

    @Override
    Object convert(ScalarNode scalar) {
      String text = scalar.getValue().strip();
      if (!WHOLE.matcher(text).matches()) {
        throw new IllegalArgumentException(Nodes.mismatch(expected(), scalar));
      }
      if (Nodes.isQuoted(scalar)) {
        throw new IllegalArgumentException(
            "expected " + expected() + ", got " + Nodes.quote(text) + " in quotes; remove them");
      }
      try {
        return isLong ? (Object) Long.parseLong(text) : (Object) Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(Nodes.quote(text) + " is too large a number");
      }
    }

    @Override
    public String expected() {
      return "a whole number";
    }

    @Override
    public ObjectNode schema() {
      return JSON.objectNode().put("type", "integer");
    }

    @Override
    public JsonNode defaultJson(Node node) {
      String text = ((ScalarNode) node).getValue().strip();
      return isLong
          ? JSON.numberNode(Long.parseLong(text))
          : JSON.numberNode(Integer.parseInt(text));
    }
  }

  static final ValueType INT = new WholeType(false);
  static final ValueType LONG = new WholeType(true);

  static final ValueType DOUBLE =
      new ScalarType() {
        @Override
        Object convert(ScalarNode scalar) {
          String text = scalar.getValue().strip();
          if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(Nodes.mismatch(expected(), scalar));
          }
          if (Nodes.isQuoted(scalar)) {
            throw new IllegalArgumentException(
                "expected "
                    + expected()
                    + ", got "
                    + Nodes.quote(text)
                    + " in quotes; remove them");
          }
          double value = Double.parseDouble(text);
          if (Double.isInfinite(value)) {
            throw new IllegalArgumentException(Nodes.quote(text) + " is too large a number");
          }
          return value;
        }

        @Override
        public String expected() {
          return "a number";
        }

        @Override
        public ObjectNode schema() {
          return JSON.objectNode().put("type", "number");
        }

        @Override
        public JsonNode defaultJson(Node node) {
          return JSON.numberNode(new BigDecimal(((ScalarNode) node).getValue().strip()));
        }
      };

  static final ValueType BOOLEAN =
      new ScalarType() {
        @Override
        Object convert(ScalarNode scalar) {
          String text = scalar.getValue();
          if (!Nodes.isQuoted(scalar)) {
            switch (text) {
              case "true", "True", "TRUE":
                return true;
              case "false", "False", "FALSE":
                return false;
              default:
                break;
            }
          }
          throw new IllegalArgumentException(Nodes.mismatch(expected(), scalar));
        }

        @Override
        public String expected() {
          return "true or false";
        }

        @Override
        public ObjectNode schema() {
          return JSON.objectNode().put("type", "boolean");
        }

        @Override
        public JsonNode defaultJson(Node node) {
          return JSON.booleanNode(Boolean.parseBoolean(((ScalarNode) node).getValue()));
        }
      };

  /** An enum, spelled as {@link YamlEnum} does. */
  static final class EnumType extends ScalarType {
    private final Map<String, Enum<?>> bySpelling = new java.util.LinkedHashMap<>();

    EnumType(Class<?> type) {
      for (Object constant : type.getEnumConstants()) {
        bySpelling.put(YamlEnum.name((Enum<?>) constant), (Enum<?>) constant);
      }
    }

    @Override
    Object convert(ScalarNode scalar) {
      Enum<?> value = bySpelling.get(scalar.getValue());
      if (value == null) {
        throw new IllegalArgumentException(
            Nodes.mismatch(expected(), scalar)
                + Suggest.didYouMean(scalar.getValue(), bySpelling.keySet()));
      }
      return value;
    }

    @Override
    public String expected() {
      return "one of " + String.join(", ", bySpelling.keySet());
    }

    @Override
    public ObjectNode schema() {
      ObjectNode schema = JSON.objectNode().put("type", "string");
      ArrayNode values = schema.putArray("enum");
      bySpelling.keySet().forEach(values::add);
      return schema;
    }
  }

  /** An optional value: absent is {@code Optional.empty()}. */
  static final class OptionalType extends ValueType {
    final ValueType inner;

    OptionalType(ValueType inner) {
      this.inner = inner;
    }

    @Override
    public Object bind(Node node, String field, Ctx ctx) {
      Object value = inner.bind(node, field, ctx);
      return value == INVALID ? INVALID : Optional.of(value);
    }

    @Override
    public String expected() {
      return inner.expected();
    }

    @Override
    public ObjectNode schema() {
      return inner.schema();
    }

    @Override
    public JsonNode defaultJson(Node node) {
      return inner.defaultJson(node);
    }
  }

  /** A list; {@code noun} names one item in messages ("fault", "probe"). */
  static final class ListType extends ValueType {
    final ValueType item;
    private final int minItems;
    private final String noun;
    private final boolean unique;

    ListType(ValueType item, int minItems, String noun) {
      this(item, minItems, noun, false);
    }

    private ListType(ValueType item, int minItems, String noun, boolean unique) {
      this.item = item;
      this.minItems = minItems;
      this.noun = noun;
      this.unique = unique;
    }

    /** The same list type, refusing an item equal to an earlier one. */
    ListType unique() {
      return new ListType(item, minItems, noun, true);
    }

    @Override
    public Object bind(Node node, String field, Ctx ctx) {
      if (!(node instanceof SequenceNode sequence)) {
        ctx.problem(node, field, Nodes.mismatch(expected(), node));
        return INVALID;
      }
      List<Node> items = sequence.getValue();
      if (items.size() < minItems) {
        ctx.problem(
            node, field, "must list at least " + (minItems == 1 ? "one " + noun : minItems));
        return INVALID;
      }
      List<Object> values = new ArrayList<>(items.size());
      boolean valid = true;
      for (int i = 0; i < items.size(); i++) {
        Node itemNode = items.get(i);
        String itemField = Paths.index(field, i);
        Object value;
        if (Nodes.isNull(itemNode)) {
          ctx.problem(itemNode, itemField, Nodes.mismatch(item.expected(), itemNode));
          value = INVALID;
        } else {
          value = item.bind(itemNode, itemField, ctx);
        }
        if (unique && value != INVALID) {
          valid &= checkUnique(values, items, value, itemNode, itemField, ctx);
        }
        valid &= value != INVALID;
        values.add(value);
      }
      return valid ? List.copyOf(values) : INVALID;
    }

    /** Reports {@code value} if an earlier item equals it; false then. */
    private boolean checkUnique(
        List<Object> earlier, List<Node> nodes, Object value, Node node, String field, Ctx ctx) {
      int first = earlier.indexOf(value);
      if (first < 0) {
        return true;
      }
      ctx.problem(
          node,
          field,
          "duplicate "
              + noun
              + " "
              + Nodes.quote(String.valueOf(value))
              + "; it is already given at line "
              + (nodes.get(first).getStartMark().getLine() + 1));
      return false;
    }

    @Override
    public String expected() {
      return "a list of " + noun + "s";
    }

    @Override
    public ObjectNode schema() {
      ObjectNode schema = JSON.objectNode().put("type", "array");
      if (minItems > 0) {
        schema.put("minItems", minItems);
      }
      if (unique) {
        schema.put("uniqueItems", true);
      }
      schema.set("items", item.schema());
      return schema;
    }

    @Override
    public JsonNode defaultJson(Node node) {
      ArrayNode array = JSON.arrayNode();
      if (node instanceof SequenceNode sequence) {
        sequence.getValue().forEach(n -> array.add(item.defaultJson(n)));
      }
      return array;
    }
  }

  /** A map of a known shape, built into a value once all its fields are valid. */
  static final class MapType extends ValueType {
    final Shape shape;
    private final Function<Shape.Bound, Object> build;

    MapType(Shape shape, Function<Shape.Bound, Object> build) {
      this.shape = shape;
      this.build = build;
    }

    @Override
    public Object bind(Node node, String field, Ctx ctx) {
      if (!(node instanceof MappingNode map)) {
        ctx.problem(node, field, Nodes.mismatch(expected(), node));
        return INVALID;
      }
      Shape.Bound bound = shape.bind(map, Nodes.entries(map, field, ctx), field, ctx);
      return bound.valid() ? build.apply(bound) : INVALID;
    }

    @Override
    public String expected() {
      return "a map with "
          + shape.fields().stream().map(Field::name).collect(Collectors.joining(", "));
    }

    @Override
    public ObjectNode schema() {
      return shape.schema();
    }
  }

  /**
   * The value type of a record component.
   *
   * @throws IllegalArgumentException for a Java type the scenario language has no notation for
   */
  static ValueType of(Type type) {
    if (type instanceof Class<?> c) {
      if (c == String.class) {
        return STRING;
      }
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
      if (c.isEnum()) {
        return new EnumType(c);
      }
    }
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
      Type arg = p.getActualTypeArguments()[0];
      if (p.getRawType() == Optional.class) {
        return new OptionalType(of(arg));
      }
      if (p.getRawType() == List.class) {
        return new ListType(of(arg), 0, "value");
      }
    }
    throw new IllegalArgumentException(
        "no YAML notation for "
            + type.getTypeName()
            + "; use one of String, Duration, int, long, double, boolean (or boxed), an enum,"
            + " Optional<...> or List<...> of those");
  }
}
