package org.daysofchaos.core.scenario.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.Paths;
import org.daysofchaos.core.binder.ReadContext;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The {@code parameters:} of a scenario file and their {@code ${name}} placeholders.
 *
 * <p>A library scenario names its service, namespace and labels through parameters, so that a team
 * gives its own values once, in the environment file, instead of editing every file. Placeholders
 * are replaced in the composed YAML tree (values and keys), before binding, rather than in the
 * text: each value keeps the line and column of the placeholder it replaced (problems still point
 * into the scenario file), a value can never inject YAML structure, and a plain scalar made only of
 * placeholders is typed again after replacement ({@code maxPods: ${pods}} binds as a number).
 */
public final class ScenarioParameters {
  /** The key of the block; removed from the tree before binding. */
  public static final String KEY = "parameters";

  /** Parameter names: a letter, then letters, digits, '_', '.' and '-'. */
  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,62}");

  /** {@code $${} stands for a literal {@code ${}; {@code ${name}} for a parameter. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");

  private static final Resolver RESOLVER = new Resolver();

  private final Map<String, String> given;

  /** Replacement values from outside the file (the environment's); they win over defaults. */
  public ScenarioParameters(Map<String, String> given) {
    this.given = Map.copyOf(given);
  }

  /**
   * Removes the {@code parameters:} block from {@code root} and replaces every placeholder in the
   * values of the tree; every problem goes to {@code ctx}.
   */
  public void apply(Node root, ReadContext ctx) {
    if (!(root instanceof MappingNode map)) {
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> names = declared(map, values, ctx);
    new Replacer(names, values, ctx).mapping(map, "");
  }

  /**
   * The names of the declared parameters; their values (given, else the default; absent when
   * neither) go to {@code values}.
   */
  private Set<String> declared(MappingNode root, Map<String, String> values, ReadContext ctx) {
    Set<String> names = new LinkedHashSet<>();
    NodeTuple block = null;
    for (NodeTuple tuple : root.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && KEY.equals(key.getValue())) {
        block = tuple;
      }
    }
    if (block == null) {
      return names;
    }
    root.getValue().remove(block);
    Node node = block.getValueNode();
    if (Nodes.isNull(node)) {
      return names;
    }
    if (!(node instanceof MappingNode params)) {
      ctx.problem(node, KEY, Nodes.mismatch("a map of parameter names to default values", node));
      return names;
    }
    for (NodeTuple tuple : params.getValue()) {
      declare(tuple, values, ctx).ifPresent(names::add);
    }
    return names;
  }

  /** Reads one declaration; its name unless it is not a name. */
  private Optional<String> declare(NodeTuple tuple, Map<String, String> values, ReadContext ctx) {
    if (!(tuple.getKeyNode() instanceof ScalarNode key)
        || !NAME.matcher(key.getValue()).matches()) {
      ctx.problem(
          tuple.getKeyNode(),
          KEY,
          "is not a parameter name: use a letter, then letters, digits, '_', '.' and '-'");
      return Optional.empty();
    }
    String name = key.getValue();
    String field = Paths.child(KEY, name);
    Node value = tuple.getValueNode();
    if (given.containsKey(name)) {
      values.put(name, given.get(name));
    } else if (Nodes.isNull(value)) {
      ctx.problem(
          key,
          field,
          "has no default and no value was given; set it under parameters: in the environment"
              + " file (or with --param "
              + name
              + "=VALUE)");
    } else if (value instanceof ScalarNode scalar) {
      values.put(name, scalar.getValue());
    } else {
      ctx.problem(value, field, Nodes.mismatch("a default value (a text or a number)", value));
    }
    return Optional.of(name);
  }

  /** Walks the tree once (aliases share nodes), replacing placeholders in scalars. */
  private static final class Replacer {
    private final Set<String> names;
    private final Map<String, String> values;
    private final ReadContext ctx;
    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    Replacer(Set<String> names, Map<String, String> values, ReadContext ctx) {
      this.names = names;
      this.values = values;
      this.ctx = ctx;
    }

    void mapping(MappingNode map, String path) {
      if (!seen.add(map)) {
        return;
      }
      List<NodeTuple> tuples = map.getValue();
      for (int i = 0; i < tuples.size(); i++) {
        NodeTuple tuple = tuples.get(i);
        // Keys too: a label selector is a map whose keys are labels ({ "${label}": checkout }).
        Node key = node(tuple.getKeyNode(), path);
        String name = key instanceof ScalarNode k ? k.getValue() : String.valueOf(i);
        Node value = node(tuple.getValueNode(), Paths.child(path, name));
        if (key != tuple.getKeyNode() || value != tuple.getValueNode()) {
          tuples.set(i, new NodeTuple(key, value));
        }
      }
    }

    private void sequence(SequenceNode seq, String path) {
      if (!seen.add(seq)) {
        return;
      }
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) {
        items.set(i, node(items.get(i), Paths.index(path, i)));
      }
    }

    private Node node(Node node, String path) {
      if (node instanceof MappingNode map) {
        mapping(map, path);
      } else if (node instanceof SequenceNode seq) {
        sequence(seq, path);
      } else if (node instanceof ScalarNode scalar && scalar.getValue().contains("${")) {
        return scalar(scalar, path);
      }
      return node;
    }

    private Node scalar(ScalarNode scalar, String path) {
      Matcher m = PLACEHOLDER.matcher(scalar.getValue());
      StringBuilder out = new StringBuilder();
      List<String> unknown = new ArrayList<>();
      while (m.find()) {
        String replacement = m.group(1) == null ? "${" : value(m.group(1), unknown);
        m.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(out);
      for (String name : unknown) {
        ctx.problem(scalar, path, unknownMessage(name));
      }
      String text = out.toString();
      Tag tag =
          scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
              ? RESOLVER.resolve(NodeId.scalar, text, true)
              : scalar.getTag();
      return new ScalarNode(
          tag, text, scalar.getStartMark(), scalar.getEndMark(), scalar.getScalarStyle());
    }

    private String value(String name, List<String> unknown) {
      String value = values.get(name);
      if (value == null && !names.contains(name)) {
        unknown.add(name);
      }
      // A declared parameter without a value was reported once, at its declaration.
      return value == null ? "" : value;
    }

    private String unknownMessage(String name) {
      String declared =
          names.isEmpty() ? "this scenario declares none" : "declared: " + String.join(", ", names);
      return "${"
          + name
          + "} is not a declared parameter ("
          + declared
          + "); declare it under parameters:, or write $${ for a literal ${";
    }
  }
}
