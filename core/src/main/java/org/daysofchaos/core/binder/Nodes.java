package org.daysofchaos.core.binder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Helpers over SnakeYAML nodes. Never calls {@code Node.toString()}: nodes may be recursive. */
public final class Nodes {
  private static final int SHOWN = 40;

  private Nodes() {}

  /** Absent, empty ({@code key:}) or an explicit null ({@code ~}, {@code null}). */
  public static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode && Tag.NULL.equals(node.getTag()));
  }

  /** Written in single or double quotes, which makes {@code "6"} a text rather than a number. */
  public static boolean isQuoted(ScalarNode node) {
    DumperOptions.ScalarStyle style = node.getScalarStyle();
    return style == DumperOptions.ScalarStyle.DOUBLE_QUOTED
        || style == DumperOptions.ScalarStyle.SINGLE_QUOTED;
  }

  /** "nothing", "'abc'", "a list", "a map": what a user wrote, for "expected X, got Y". */
  public static String describe(Node node) {
    if (isNull(node)) {
      return "nothing";
    }
    if (node instanceof ScalarNode scalar) {
      return quote(scalar.getValue());
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a map";
    }
    return "something else";
  }

  /** A value in single quotes, on one line, shortened if long. */
  public static String quote(String value) {
    String text = value.replace("\r", "").replace("\n", "\\n").replace("\t", "\\t");
    if (text.codePointCount(0, text.length()) > SHOWN) {
      text = text.substring(0, text.offsetByCodePoints(0, SHOWN - 3)) + "...";
    }
    return "'" + text + "'";
  }

  /**
   * The entries of a map by key, in file order. Keys that are not plain scalars and repeated keys
   * are problems; the first of repeated keys wins.
   */
  public static Map<String, Entry> entries(MappingNode map, String path, ReadContext ctx) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode)) {
        ctx.problem(keyNode, path, "keys must be plain names, got " + describe(keyNode));
        continue;
      }
      String key = scalar.getValue();
      Entry first = entries.get(key);
      if (first != null) {
        ctx.problem(
            keyNode,
            Paths.child(path, key),
            "duplicate key '"
                + key
                + "'; it is already given at line "
                + (first.keyNode().getStartMark().getLine() + 1));
        continue;
      }
      entries.put(key, new Entry(key, keyNode, tuple.getValueNode()));
    }
    return entries;
  }

  /**
   * {@code node} as a map, or null after reporting "expected {@code expected}, got ..." at it: the
   * start of every value type that is written as a map.
   */
  public static MappingNode map(Node node, String field, String expected, ReadContext ctx) {
    if (node instanceof MappingNode map) {
      return map;
    }
    ctx.problem(node, field, mismatch(expected, node));
    return null;
  }

  /** The value of the first {@code key} of {@code map}, or null when it has none. */
  public static Node value(MappingNode map, String key) {
    for (NodeTuple tuple : map.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
        return tuple.getValueNode();
      }
    }
    return null;
  }

  /**
   * Which of the exclusive keys {@code choices} are given with a value, in the order of {@code
   * choices}; a second one is reported at its key as "give only one of CHOICES: {@code why}". For
   * maps whose kind is told by which key is present ({@code {proxy: NAME}} or {@code {process:
   * NAME}}).
   */
  public static List<String> givenOneOf(
      Map<String, Entry> entries, List<String> choices, String field, String why, ReadContext ctx) {
    List<String> given = new ArrayList<>();
    for (String key : choices) {
      Entry e = entries.get(key);
      if (e != null && !isNull(e.value())) {
        if (given.size() == 1) {
          ctx.problem(
              e.keyNode(),
              Paths.child(field, key),
              "give only one of " + String.join(", ", choices) + ": " + why);
        }
        given.add(key);
      }
    }
    return given;
  }

  /** "expected {@code expected}, got {@link #describe what was written}". */
  public static String mismatch(String expected, Node node) {
    return "expected " + expected + ", got " + describe(node);
  }
}
