package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.daysofchaos.core.Durations;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** A {@link Duration} as {@link Durations} writes it; a positive one refuses {@code 0s}. */
final class DurationType extends ScalarType {
  private final boolean positive;
  private final String expected;

  DurationType(boolean positive, String expected) {
    this.positive = positive;
    this.expected = expected;
  }

  @Override
  protected Object convert(ScalarNode scalar) {
    Duration d = Durations.parse(scalar.getValue());
    if (positive && d.isZero()) {
      throw new IllegalArgumentException("must be longer than 0s");
    }
    return d;
  }

  @Override
  public String expected() {
    return expected;
  }

  @Override
  public ObjectNode schema() {
    return JSON.objectNode()
        .put("$ref", positive ? Types.POSITIVE_DURATION_DEF : Types.DURATION_DEF);
  }
}
