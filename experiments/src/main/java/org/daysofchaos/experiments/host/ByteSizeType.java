package org.daysofchaos.experiments.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.daysofchaos.core.binder.ScalarType;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** How a {@link ByteSize} is written: one scalar, {@code 512MiB} or a number of bytes. */
final class ByteSizeType extends ScalarType {

  @Override
  protected Object convert(ScalarNode scalar) {
    return ByteSize.parse(scalar.getValue());
  }

  @Override
  public String expected() {
    return "a size such as 512MiB, 2GiB, 100MB or a number of bytes";
  }

  @Override
  public ObjectNode schema() {
    ObjectNode schema = JSON.objectNode();
    schema.putArray("type").add("string").add("integer");
    schema.put("pattern", "^" + ByteSize.TEXT.pattern() + "$");
    return schema;
  }
}
