package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** A map of names of the user's choice to values of one type, bound in file order. */
final class NamedType extends ValueType {
  private final ValueType value;
  private final String noun;

  NamedType(ValueType value, String noun) {
    this.value = value;
    this.noun = noun;
  }

  @Override
  public Object bind(Node node, String field, ReadContext ctx) {
    MappingNode map = Nodes.map(node, field, expected(), ctx);
    if (map == null) {
      return INVALID;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    boolean valid = true;
    for (Entry entry : Nodes.entries(map, field, ctx).values()) {
      String at = Paths.child(field, entry.key());
      Object bound;
      if (Nodes.isNull(entry.value())) {
        ctx.problem(entry.keyNode(), at, "is missing; expected " + value.expected());
        bound = INVALID;
      } else {
        bound = value.bind(entry.value(), at, ctx);
      }
      valid &= bound != INVALID;
      values.put(entry.key(), bound);
    }
    return valid ? Collections.unmodifiableMap(values) : INVALID;
  }

  @Override
  public String expected() {
    return "a map of " + noun + " names to " + value.expected();
  }

  @Override
  public ObjectNode schema() {
    ObjectNode schema = JSON.objectNode().put("type", "object");
    schema.set("additionalProperties", value.schema());
    return schema;
  }
}
