package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** An optional value: absent is {@code Optional.empty()}. */
final class OptionalType extends ValueType {
  private final ValueType inner;

  OptionalType(ValueType inner) {
    this.inner = inner;
  }

  @Override
  public Object bind(Node node, String field, ReadContext ctx) {
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
