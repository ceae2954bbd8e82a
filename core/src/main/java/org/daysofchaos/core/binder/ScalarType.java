package org.daysofchaos.core.binder;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A type written as one YAML scalar. Anything else (a list, a map, nothing) is reported as
 * "expected {@link #expected()}, got ..."; a scalar goes to {@link #convert}, whose exception
 * message becomes the problem.
 */
public abstract class ScalarType extends ValueType {

  @Override
  public final Object bind(Node node, String field, ReadContext ctx) {
    if (!(node instanceof ScalarNode scalar) || Nodes.isNull(node)) {
      ctx.problem(node, field, Nodes.mismatch(expected(), node));
      return INVALID;
    }
    try {
      return convert(scalar);
    } catch (IllegalArgumentException e) {
      ctx.problem(node, field, e.getMessage());
      return INVALID;
    }
  }

  /**
   * Converts the scalar.
   *
   * @throws IllegalArgumentException with a message fit for a user
   */
  protected abstract Object convert(ScalarNode scalar);
}
