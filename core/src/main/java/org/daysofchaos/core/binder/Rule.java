package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A rule across the fields of one map ("give lasts or closes, not both"), checked by a {@link
 * MapType} after its fields are bound. A rule reports its problems through the {@link Shape.Bound};
 * a map with a problem is not built. Where the rule can be said in JSON Schema, it adds itself to
 * the map's schema too.
 */
@FunctionalInterface
public interface Rule {

  /** Checks the bound map; {@code bound} holds the valid fields only. */
  void check(Shape.Bound bound);

  /** Adds this rule to the map's schema, if JSON Schema can say it; nothing by default. */
  default void schema(ObjectNode schema) {}

  /**
   * Exactly one of {@code keys} is given: {@code whenNone} is reported at the map, {@code whenMore}
   * at the second key (in the order of {@code keys}). A given key counts even with an empty value,
   * which is then reported as "expected ..., got nothing". In the schema: a {@code oneOf} of the
   * keys.
   */
  static Rule exactlyOne(String whenNone, String whenMore, String... keys) {
    List<String> names = List.of(keys);
    return new Rule() {
      @Override
      public void check(Shape.Bound bound) {
        List<String> given = names.stream().filter(bound::has).toList();
        if (given.isEmpty()) {
          bound.problem(whenNone);
        } else if (given.size() > 1) {
          bound.problemAtKey(given.get(1), whenMore);
        } else if (Nodes.isNull(bound.node(given.get(0)))) {
          String key = given.get(0);
          bound.problemAtValue(
              key, Nodes.mismatch(bound.shape().field(key).type().expected(), bound.node(key)));
        }
      }

      @Override
      public void schema(ObjectNode schema) {
        ArrayNode oneOf = schema.putArray("oneOf");
        names.forEach(name -> oneOf.addObject().putArray("required").add(name));
      }
    };
  }
}
