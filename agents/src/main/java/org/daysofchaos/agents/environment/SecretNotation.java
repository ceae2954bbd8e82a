package org.daysofchaos.agents.environment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.binder.MapType;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.Rule;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.Types;
import org.daysofchaos.core.binder.ValueType;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a {@link Secret}: {@code {fromEnv: VAR}} or {@code {fromFile: PATH}}. A secret written
 * inline is refused, with the way to write it instead, and the text is not repeated in the problem.
 */
public final class SecretNotation extends ValueType {
  private static final String EXPECTED = "a map with fromEnv or fromFile";
  private static final Shape SHAPE =
      new Shape(
          "A secret: the environment variable or the file that holds it, never the text itself.",
          List.of(
              Field.optional("fromEnv", Types.NON_BLANK, null, "The variable that holds it."),
              Field.optional(
                  "fromFile",
                  Types.NON_BLANK,
                  null,
                  "The file that holds it (relative to the environment file's folder);"
                      + " only the server's user should be able to read it.")));

  private static final MapType SOURCE =
      Types.map(SHAPE, b -> b)
          .withRule(
              Rule.exactlyOne(
                  "give fromEnv or fromFile", "give only one of fromEnv or fromFile",
                  "fromEnv", "fromFile"))
          .describedAs(EXPECTED);

  @Override
  public Object bind(Node node, String field, ReadContext ctx) {
    if (node instanceof ScalarNode && !Nodes.isNull(node)) {
      ctx.problem(
          node,
          field,
          "a secret is never written in the environment file; give {fromEnv: VARIABLE} or"
              + " {fromFile: PATH}");
      return INVALID;
    }
    Object bound = SOURCE.bind(node, field, ctx);
    if (bound == INVALID) {
      return INVALID;
    }
    Shape.Bound b = (Shape.Bound) bound;
    String where =
        ctx.source()
            + ":"
            + (node.getStartMark().getLine() + 1)
            + ":"
            + (node.getStartMark().getColumn() + 1)
            + ": "
            + field;
    String env = b.get("fromEnv");
    return env != null ? Secret.fromEnv(env, where) : Secret.fromFile(b.get("fromFile"), where);
  }

  @Override
  public String expected() {
    return EXPECTED;
  }

  @Override
  public ObjectNode schema() {
    return SOURCE.schema();
  }
}
