package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** A map bound to a record through its {@link RecordShape}. */
final class RecordType extends ValueType {
  private final RecordShape record;

  RecordType(RecordShape record) {
    this.record = record;
  }

  @Override
  public Object bind(Node node, String field, ReadContext ctx) {
    if (!(node instanceof MappingNode map)) {
      ctx.problem(node, field, Nodes.mismatch(expected(), node));
      return INVALID;
    }
    Map<String, Entry> entries = Nodes.entries(map, field, ctx);
    Shape.Bound bound = record.shape().bind(map, entries, field, ctx);
    return bound.valid() ? record.construct(bound) : INVALID;
  }

  @Override
  public String expected() {
    return "a map with "
        + record.shape().fields().stream().map(Field::name).collect(Collectors.joining(", "));
  }

  @Override
  public ObjectNode schema() {
    return record.shape().schema();
  }
}
