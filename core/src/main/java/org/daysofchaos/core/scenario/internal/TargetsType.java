package org.daysofchaos.core.scenario.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.TargetType;
import org.daysofchaos.core.binder.Entry;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.Paths;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.Types;
import org.daysofchaos.core.binder.ValueType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code targets} map: a name of the preparer's choice to {@code {proxy: NAME [, server:
 * NAME]}}, {@code {process: NAME}} or {@code {kubernetes: {...}}} (see {@link KubernetesType}),
 * exactly one type key per target.
 */
final class TargetsType extends ValueType {
  static final String SERVER = "server";

  private final Shape shape;

  TargetsType() {
    List<Field> fields = new ArrayList<>();
    for (TargetType type : TargetType.values()) {
      ValueType value = type == TargetType.KUBERNETES ? new KubernetesType() : Types.NON_BLANK;
      fields.add(Field.optional(type.yamlName(), value, null, doc(type)));
    }
    fields.add(
        Field.optional(
            SERVER,
            Types.NON_BLANK,
            null,
            "For a proxy: the configured server that holds it; the default server if absent."));
    shape = new Shape("A thing the faults may break.", fields);
  }

  private static String doc(TargetType type) {
    return switch (type) {
      case PROXY -> "A named proxy on a Toxiproxy-compatible server (embedded or real).";
      case PROCESS -> "A local process, by the name the process injector knows it by.";
      case KUBERNETES ->
          "Something in a Kubernetes cluster: pods by selector, a deployment, a statefulset or a"
              + " configMap in a namespace, or a node.";
    };
  }

  private static String typeKeys() {
    return Stream.of(TargetType.values())
        .map(TargetType::yamlName)
        .collect(Collectors.joining(", "));
  }

  private static String example() {
    return Stream.of(TargetType.values())
        .map(
            t ->
                "{"
                    + t.yamlName()
                    + ": "
                    + (t == TargetType.KUBERNETES ? KubernetesType.EXAMPLE : "NAME")
                    + "}")
        .collect(Collectors.joining(" or "));
  }

  @Override
  public Object bind(Node node, String field, ReadContext ctx) {
    if (!(node instanceof MappingNode map)) {
      ctx.problem(node, field, Nodes.mismatch(expected(), node));
      return INVALID;
    }
    Map<String, Entry> entries = Nodes.entries(map, field, ctx);
    if (!entries.isEmpty()) {
      ScenarioRefs.of(ctx).targetNames = new LinkedHashSet<>(entries.keySet());
    } else {
      ctx.problem(
          node, field, "must name at least one target, e.g. payment-link: {proxy: payment}");
      return INVALID;
    }
    Map<String, Target> targets = new LinkedHashMap<>();
    boolean valid = true;
    for (Entry entry : entries.values()) {
      Target target = bindOne(entry, Paths.child(field, entry.key()), ctx);
      if (target == null) {
        valid = false;
      } else {
        targets.put(entry.key(), target);
        ScenarioRefs.of(ctx).targets.put(entry.key(), target);
      }
    }
    return valid ? targets : INVALID;
  }

  private Target bindOne(Entry entry, String field, ReadContext ctx) {
    String expected = "a map like " + example();
    if (Nodes.isNull(entry.value())) {
      ctx.problem(entry.keyNode(), field, "is missing; expected " + expected);
      return null;
    }
    if (!(entry.value() instanceof MappingNode map)) {
      ctx.problem(entry.value(), field, Nodes.mismatch(expected, entry.value()));
      return null;
    }
    Map<String, Entry> entries = Nodes.entries(map, field, ctx);
    int before = ctx.problemCount();
    Shape.Bound bound = shape.bind(map, entries, field, ctx);
    boolean unknownKeys = entries.keySet().stream().anyMatch(k -> !shape.allowedKeys().contains(k));
    List<TargetType> given = new ArrayList<>();
    for (TargetType type : TargetType.values()) {
      Entry e = entries.get(type.yamlName());
      if (e != null && !Nodes.isNull(e.value())) {
        if (given.size() == 1) {
          ctx.problem(
              e.keyNode(),
              Paths.child(field, type.yamlName()),
              "give only one of " + typeKeys() + ": a target is one thing");
        }
        given.add(type);
      }
    }
    if (given.isEmpty() && !unknownKeys) {
      ctx.problem(map, field, "give the kind of target: " + example());
    }
    Entry server = entries.get(SERVER);
    if (server != null
        && !Nodes.isNull(server.value())
        && given.size() == 1
        && given.get(0) != TargetType.PROXY) {
      ctx.problem(
          server.keyNode(),
          Paths.child(field, SERVER),
          "only a proxy target has a server; a " + given.get(0).yamlName() + " target has none");
    }
    if (!bound.valid() || ctx.problemCount() > before || given.size() != 1) {
      return null;
    }
    TargetType type = given.get(0);
    if (type == TargetType.KUBERNETES) {
      return Target.kubernetes(entry.key(), bound.get(type.yamlName()));
    }
    return new Target(
        entry.key(),
        type,
        bound.get(type.yamlName()),
        Optional.ofNullable(bound.<String>get(SERVER)));
  }

  @Override
  public String expected() {
    return "a map of target names to " + example();
  }

  @Override
  public ObjectNode schema() {
    ObjectNode schema = JSON.objectNode().put("type", "object").put("minProperties", 1);
    schema.putObject("additionalProperties").put("$ref", "#/$defs/target");
    return schema;
  }

  /** The definition of one target. */
  ObjectNode definition() {
    ObjectNode def = shape.schema();
    ArrayNode oneOf = def.putArray("oneOf");
    for (TargetType type : TargetType.values()) {
      oneOf.addObject().putArray("required").add(type.yamlName());
    }
    def.putObject("dependentRequired").putArray(SERVER).add(TargetType.PROXY.yamlName());
    return def;
  }
}
