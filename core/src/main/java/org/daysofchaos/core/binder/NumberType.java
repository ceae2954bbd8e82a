package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** A number written without quotes (as the schema's "integer" or "number" wants it). */
final class NumberType extends ScalarType {
  private final Pattern notation;
  private final String expected;
  private final String jsonType;
  private final Function<String, Object> parse;
  private final Function<String, JsonNode> json;

  /**
   * @param parse the value of a text of {@code notation}; a NumberFormatException when too large
   * @param json the value of a default as JSON
   */
  NumberType(
      Pattern notation,
      String expected,
      String jsonType,
      Function<String, Object> parse,
      Function<String, JsonNode> json) {
    this.notation = notation;
    this.expected = expected;
    this.jsonType = jsonType;
    this.parse = parse;
    this.json = json;
  }

  @Override
  protected Object convert(ScalarNode scalar) {
    String text = scalar.getValue().strip();
    if (!notation.matcher(text).matches()) {
      throw new IllegalArgumentException(Nodes.mismatch(expected(), scalar));
    }
    if (Nodes.isQuoted(scalar)) {
      throw new IllegalArgumentException(
          "expected " + expected() + ", got " + Nodes.quote(text) + " in quotes; remove them");
    }
    try {
      return parse.apply(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(Nodes.quote(text) + " is too large a number");
    }
  }

  @Override
  public String expected() {
    return expected;
  }

  @Override
  public ObjectNode schema() {
    return JSON.objectNode().put("type", jsonType);
  }

  @Override
  public JsonNode defaultJson(Node node) {
    return json.apply(((ScalarNode) node).getValue().strip());
  }

  static double finite(String text) {
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw new NumberFormatException("too large: " + text);
    }
    return value;
  }
}
