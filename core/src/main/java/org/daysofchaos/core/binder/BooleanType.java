package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** {@code true} or {@code false} (also capitalised), not in quotes. */
final class BooleanType extends ScalarType {
  @Override
  protected Object convert(ScalarNode scalar) {
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
}
