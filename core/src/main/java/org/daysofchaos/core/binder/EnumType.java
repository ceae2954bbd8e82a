package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.daysofchaos.core.spec.YamlEnum;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** An enum, spelled as {@link YamlEnum} does. */
final class EnumType extends ScalarType {
  private final Map<String, Enum<?>> bySpelling = new LinkedHashMap<>();

  EnumType(Class<?> type) {
    for (Object constant : type.getEnumConstants()) {
      bySpelling.put(YamlEnum.name((Enum<?>) constant), (Enum<?>) constant);
    }
  }

  @Override
  protected Object convert(ScalarNode scalar) {
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
