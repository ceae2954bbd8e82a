package org.daysofchaos.core.scenario.internal;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** A type written as one YAML scalar. */
abstract class ScalarType extends ValueType {

  @Override
  public final Object bind(Node node, String field, Ctx ctx) {
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
  abstract Object convert(ScalarNode scalar);
}
