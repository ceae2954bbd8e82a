package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A map of a known {@link Shape}, built into a value once all its fields are valid and its {@link
 * Rule}s hold. Rules run even when some fields are invalid (they see the valid ones), so that a
 * file gets every problem at once. The build may still refuse the value: it then reports why and
 * returns {@link #INVALID} (as a record's constructor does, see {@link RecordShape#construct}).
 */
public final class MapType extends ValueType {
  private final Shape shape;
  private final Function<Shape.Bound, Object> build;
  private final List<Rule> rules;
  private final String expected;

  private MapType(
      Shape shape, Function<Shape.Bound, Object> build, List<Rule> rules, String expected) {
    this.shape = shape;
    this.build = build;
    this.rules = List.copyOf(rules);
    this.expected = expected;
  }

  static MapType of(Shape shape, Function<Shape.Bound, Object> build) {
    return new MapType(
        shape,
        build,
        List.of(),
        "a map with " + shape.fields().stream().map(Field::name).collect(Collectors.joining(", ")));
  }

  public Shape shape() {
    return shape;
  }

  /** The same map with one more rule across its fields. */
  public MapType withRule(Rule rule) {
    List<Rule> more = new ArrayList<>(rules);
    more.add(rule);
    return new MapType(shape, build, more, expected);
  }

  /** The same map, described to users as {@code expected} ("a map with lasts or closes"). */
  public MapType describedAs(String expected) {
    return new MapType(shape, build, rules, expected);
  }

  @Override
  public Object bind(Node node, String field, ReadContext ctx) {
    MappingNode map = Nodes.map(node, field, expected(), ctx);
    if (map == null) {
      return INVALID;
    }
    Shape.Bound bound = shape.bind(map, Nodes.entries(map, field, ctx), field, ctx);
    int before = ctx.problemCount();
    rules.forEach(rule -> rule.check(bound));
    if (!bound.valid() || ctx.problemCount() > before) {
      return INVALID;
    }
    return build.apply(bound);
  }

  @Override
  public String expected() {
    return expected;
  }

  @Override
  public ObjectNode schema() {
    ObjectNode schema = shape.schema();
    rules.forEach(rule -> rule.schema(schema));
    return schema;
  }
}
