package org.daysofchaos.chaostoolkit.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A YAML (or JSON) node as plain values: maps, lists, strings, longs, doubles, booleans, null. */
public final class NodeValues {
  private NodeValues() {}

  public static Object of(org.yaml.snakeyaml.nodes.Node node) {
    if (node instanceof MappingNode map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        out.put(String.valueOf(of(t.getKeyNode())), of(t.getValueNode()));
      }
      return out;
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      seq.getValue().forEach(n -> out.add(of(n)));
      return out;
    }
    return scalar((ScalarNode) node);
  }

  private static Object scalar(ScalarNode node) {
    String v = node.getValue();
    Tag tag = node.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on");
    }
    if (Tag.INT.equals(tag)) {
      try {
        BigInteger big = new BigInteger(v.replace("_", ""));
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
      } catch (NumberFormatException e) {
        return v;
      }
    }
    if (Tag.FLOAT.equals(tag)) {
      try {
        return Double.parseDouble(v.replace("_", ""));
      } catch (NumberFormatException e) {
        return v;
      }
    }
    return v;
  }
}
