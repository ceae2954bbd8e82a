package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * How one kind of YAML value becomes a Java value: a duration, a number, a map of a known shape, a
 * list of faults. Each type also describes itself to users ("expected ...") and to the JSON Schema,
 * so that the reader and the schema cannot drift apart. Implementations are immutable: one instance
 * serves every read; what a read must remember goes into its {@link ReadContext}.
 */
public abstract class ValueType {
  /** What {@link #bind} returns when the value had a problem (already reported). */
  public static final Object INVALID =
      new Object() {
        @Override
        public String toString() {
          return "INVALID";
        }
      };

  /** Where schema fragments come from. */
  public static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * Binds a value that is present and not null; reports its problems to {@code ctx} under {@code
   * field} and returns {@link #INVALID} if there were any. Never throws on what a file contains.
   */
  public abstract Object bind(Node node, String field, ReadContext ctx);

  /** What a user should write, e.g. "a duration such as 500ms, 30s, 2m or 1h30m". */
  public abstract String expected();

  /** The JSON Schema of this type (without description or default). */
  public abstract ObjectNode schema();

  /** A default value, given as a YAML node, as JSON (for the schema's {@code default}). */
  public JsonNode defaultJson(Node node) {
    return node instanceof ScalarNode scalar ? JSON.textNode(scalar.getValue()) : JSON.nullNode();
  }
}
