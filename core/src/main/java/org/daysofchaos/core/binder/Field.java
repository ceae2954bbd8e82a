package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One key of a map: its type, whether it is required, its default, its documentation and bounds.
 * The reader, the "is missing; expected ..." message and the JSON Schema all come from it.
 *
 * @param defaultValue the value when the key is absent or null (for optional fields)
 * @param defaultNode the default as written in YAML, for the schema; null when there is none
 * @param min inclusive lower bound of a number, or negative infinity
 * @param max inclusive upper bound of a number, or positive infinity
 */
public record Field(
    String name,
    ValueType type,
    boolean required,
    Object defaultValue,
    Node defaultNode,
    String doc,
    double min,
    double max) {

  /** A key that must be given, with a value. */
  public static Field required(String name, ValueType type, String doc) {
    return new Field(
        name, type, true, null, null, doc, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** A key that may be left out (or left empty): then it is {@code defaultValue}. */
  public static Field optional(String name, ValueType type, Object defaultValue, String doc) {
    return new Field(
        name,
        type,
        false,
        defaultValue,
        null,
        doc,
        Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY);
  }

  /**
   * The same field, whose default the schema shows as {@code node} (see {@link
   * YamlSource#composeTrusted}).
   */
  public Field withDefaultNode(Node node) {
    return new Field(name, type, required, defaultValue, node, doc, min, max);
  }

  /** The same field with another documentation. */
  public Field withDoc(String doc) {
    return new Field(name, type, required, defaultValue, defaultNode, doc, min, max);
  }

  /**
   * The same field, optional: absent, it is its default (null for a field that was required). For a
   * map that several shapes share, where a key is required by one of them only.
   */
  public Field asOptional() {
    return new Field(name, type, false, defaultValue, defaultNode, doc, min, max);
  }

  /** The same field, refusing a number outside {@code [min, max]}. */
  public Field withRange(double min, double max) {
    return new Field(name, type, required, defaultValue, defaultNode, doc, min, max);
  }

  public boolean hasRange() {
    return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY;
  }

  /** What to write, with the bounds: "a whole number from 1 to 10". */
  public String expected() {
    if (!hasRange()) {
      return type.expected();
    }
    return type.expected() + " " + rangeText();
  }

  /** Null when the value is within bounds, else the message. */
  public String outOfRange(Object value) {
    if (!hasRange() || !(value instanceof Number n)) {
      return null;
    }
    double v = n.doubleValue();
    if (v >= min && v <= max) {
      return null;
    }
    return "must be " + rangeText() + ", got " + number(v);
  }

  private String rangeText() {
    if (min == Double.NEGATIVE_INFINITY) {
      return "at most " + number(max);
    }
    if (max == Double.POSITIVE_INFINITY) {
      return "at least " + number(min);
    }
    return "from " + number(min) + " to " + number(max);
  }

  private static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** The schema of this field: its type's, with description, bounds and default. */
  public ObjectNode schema() {
    ObjectNode schema = type.schema();
    ObjectNode result = ValueType.JSON.objectNode();
    if (doc != null && !doc.isEmpty()) {
      result.put("description", doc);
    }
    result.setAll(schema);
    if (min != Double.NEGATIVE_INFINITY) {
      putNumber(result, "minimum", min);
    }
    if (max != Double.POSITIVE_INFINITY) {
      putNumber(result, "maximum", max);
    }
    if (defaultNode != null) {
      result.set("default", type.defaultJson(defaultNode));
    }
    return result;
  }

  private static void putNumber(ObjectNode node, String key, double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      node.put(key, (long) value);
    } else {
      node.put(key, value);
    }
  }
}
