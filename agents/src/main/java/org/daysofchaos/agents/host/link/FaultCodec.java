package org.daysofchaos.agents.host.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.RecordShape;
import org.daysofchaos.core.binder.Types;
import org.daysofchaos.core.binder.ValueType;
import org.daysofchaos.core.binder.YamlSource;
import org.daysofchaos.core.scenario.Problem;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spec.YamlEnum;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A fault on the wire: a JSON object with its {@code kind} and each component written as in a
 * scenario file ({@code 512MiB}, {@code 1500ms}, {@code kill}). JSON is YAML, so the agent binds it
 * with the same binder and limits as a scenario file: a fault the agent accepts satisfies every
 * check of its record, whatever the server sent.
 */
public final class FaultCodec {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final YamlSource SOURCE = new YamlSource("a fault from the server");

  private final KindCatalog catalog;

  public FaultCodec(KindCatalog catalog) {
    this.catalog = catalog;
  }

  /** The fault as JSON. */
  public static ObjectNode encode(FaultSpec fault) {
    ObjectNode node = JSON.objectNode();
    node.put("kind", KindCatalog.kindOf(fault));
    writeComponents((Record) fault, node);
    return node;
  }

  private static void writeComponents(Record record, ObjectNode node) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      try {
        var accessor = c.getAccessor();
        accessor.setAccessible(true);
        JsonNode value = value(accessor.invoke(record));
        if (value != null) {
          node.set(c.getName(), value);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c, e);
      }
    }
  }

  private static JsonNode value(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(FaultCodec::value).orElse(null);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = JSON.arrayNode();
      list.forEach(item -> array.add(value(item)));
      return array;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return MAPPER.valueToTree(value);
    }
    if (value instanceof Enum<?> e) {
      return JSON.textNode(YamlEnum.name(e));
    }
    if (value instanceof Duration d) {
      return JSON.textNode(Durations.format(d));
    }
    if (value instanceof Record r
        && !(r.getClass().isAnnotationPresent(org.daysofchaos.core.binder.Notation.class))) {
      ObjectNode nested = JSON.objectNode();
      writeComponents(r, nested);
      return nested;
    }
    return JSON.textNode(value.toString());
  }

  /**
   * Reads a fault back.
   *
   * @throws IllegalArgumentException with every problem, when it is not a valid fault of a known
   *     kind
   */
  public FaultSpec decode(JsonNode json) {
    String kind = json.path("kind").asText("");
    Class<? extends FaultSpec> type =
        catalog
            .fault(kind)
            .orElseThrow(() -> new IllegalArgumentException("unknown fault kind '" + kind + "'"));
    ReadContext ctx = new ReadContext("fault");
    Node node = SOURCE.compose(json.toString(), ctx);
    Object bound = ValueType.INVALID;
    if (ctx.problemCount() == 0) {
      RecordShape shape =
          RecordShape.of(type.asSubclass(Record.class), kind, null, List.of("kind"));
      bound = Types.map(shape.shape(), shape::construct).bind(node, "", ctx);
    }
    if (ctx.problemCount() > 0 || bound == ValueType.INVALID) {
      throw new IllegalArgumentException(
          "invalid "
              + kind
              + ": "
              + String.join(
                  "; ", Problem.of(ctx.sortedProblems()).stream().map(Problem::toString).toList()));
    }
    return type.cast(bound);
  }
}
