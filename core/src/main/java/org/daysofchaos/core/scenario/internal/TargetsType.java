package org.daysofchaos.core.scenario.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.TargetSpec;
import org.daysofchaos.core.binder.Entry;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.Paths;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.ValueType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code targets} map: a name of the preparer's choice to a target of one of the catalog's
 * target kinds, introduced by its key ({@code {proxy: payment, server: eu}}, {@code {process:
 * inventory}}): exactly one kind key per target, and only the keys of that kind beside it.
 */
final class TargetsType extends ValueType {
  private final List<TargetKind> kinds;
  private final Shape shape;

  /** The keys beside the kind keys, with the kinds that have them ({@code server: [proxy]}). */
  private final Map<String, List<String>> owners = new LinkedHashMap<>();

  /**
   * The targets of {@code kinds}, in this order in messages and the schema. Kinds that share a key
   * beside their own (two kinds with a {@code server}) read it as the first of them does.
   */
  TargetsType(List<TargetKind> kinds) {
    this.kinds = List.copyOf(kinds);
    // every kind's key first, then the keys beside them: one map that any target is written in
    Map<String, Field> fields = new LinkedHashMap<>();
    kinds.forEach(k -> fields.put(k.kind(), k.key()));
    for (TargetKind kind : kinds) {
      for (Field f : kind.besides()) {
        fields.putIfAbsent(f.name(), f.asOptional());
        owners.computeIfAbsent(f.name(), name -> new ArrayList<>()).add(kind.kind());
      }
    }
    shape = new Shape("A thing the faults may break.", List.copyOf(fields.values()));
  }

  private String kindKeys() {
    return kinds.stream().map(TargetKind::kind).collect(Collectors.joining(", "));
  }

  private String example() {
    return kinds.stream().map(TargetKind::example).collect(Collectors.joining(" or "));
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
    List<TargetKind> given = given(entries, field, ctx);
    boolean unknownKeys = entries.keySet().stream().anyMatch(k -> !shape.allowedKeys().contains(k));
    if (given.isEmpty() && !unknownKeys) {
      ctx.problem(map, field, "give the kind of target: " + example());
    }
    if (given.size() == 1) {
      keysOfOtherKinds(given.get(0), bound);
      missingKeys(given.get(0), bound);
    }
    if (!bound.valid() || ctx.problemCount() > before || given.size() != 1) {
      return null;
    }
    Object spec = given.get(0).build().apply(bound);
    return spec == INVALID ? null : new Target(entry.key(), (TargetSpec) spec);
  }

  /** The kinds whose key is given (with a value); a second one is reported. */
  private List<TargetKind> given(Map<String, Entry> entries, String field, ReadContext ctx) {
    List<String> keys = kinds.stream().map(TargetKind::kind).toList();
    List<String> given = Nodes.givenOneOf(entries, keys, field, "a target is one thing", ctx);
    return kinds.stream().filter(k -> given.contains(k.kind())).toList();
  }

  /** "only a proxy target has a server; a process target has none". */
  private void keysOfOtherKinds(TargetKind kind, Shape.Bound bound) {
    owners.forEach(
        (key, having) -> {
          if (!having.contains(kind.kind()) && bound.has(key) && !Nodes.isNull(bound.node(key))) {
            bound.problemAtKey(
                key,
                "only a "
                    + String.join(" or ", having)
                    + " target has a "
                    + key
                    + "; a "
                    + kind.kind()
                    + " target has none");
          }
        });
  }

  /** A key that the given kind requires beside its own, and that the shared map could not. */
  private static void missingKeys(TargetKind kind, Shape.Bound bound) {
    for (Field f : kind.besides()) {
      if (f.required() && (!bound.has(f.name()) || Nodes.isNull(bound.node(f.name())))) {
        bound
            .ctx()
            .problem(
                bound.has(f.name()) ? bound.entries().get(f.name()).keyNode() : bound.map(),
                Paths.child(bound.path(), f.name()),
                "is missing; expected " + f.expected());
      }
    }
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

  /** The definition of one target: one kind key, and the other keys only with their kinds. */
  ObjectNode definition() {
    ObjectNode def = shape.schema();
    ArrayNode oneOf = def.putArray("oneOf");
    kinds.forEach(k -> oneOf.addObject().putArray("required").add(k.kind()));
    owners.forEach(
        (key, having) -> {
          if (having.size() == 1) {
            dependent(def, "dependentRequired").putArray(key).add(having.get(0));
          } else {
            ArrayNode anyOf = dependent(def, "dependentSchemas").putObject(key).putArray("anyOf");
            having.forEach(kind -> anyOf.addObject().putArray("required").add(kind));
          }
        });
    return def;
  }

  private static ObjectNode dependent(ObjectNode def, String name) {
    return def.has(name) ? (ObjectNode) def.get(name) : def.putObject(name);
  }
}
