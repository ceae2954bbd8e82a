package org.daysofchaos.core.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.binder.Entry;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.Paths;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.Suggest;
import org.daysofchaos.core.binder.ValueType;
import org.daysofchaos.core.spec.KindCatalog;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** A fault or a probe: a map whose {@code kind} picks the record of the catalog to bind to. */
public final class KindType extends ValueType {
  private final boolean faults;
  private final KindCatalog catalog;
  private final Map<String, KindShape> kinds = new LinkedHashMap<>();

  KindType(KindCatalog catalog, boolean faults) {
    this.catalog = catalog;
    this.faults = faults;
    Collection<String> names = faults ? catalog.faultKinds() : catalog.probeKinds();
    for (String name : names) {
      Class<? extends Record> type =
          faults
              ? catalog.fault(name).orElseThrow().asSubclass(Record.class)
              : catalog.probe(name).orElseThrow().asSubclass(Record.class);
      kinds.put(name, KindShape.of(type));
    }
  }

  public Map<String, KindShape> kinds() {
    return kinds;
  }

  private String family() {
    return faults ? "fault" : "probe";
  }

  private String known() {
    return String.join(", ", kinds.keySet());
  }

  @Override
  public Object bind(Node node, String field, ReadContext ctx) {
    MappingNode map = Nodes.map(node, field, expected(), ctx);
    if (map == null) {
      return INVALID;
    }
    Map<String, Entry> entries = Nodes.entries(map, field, ctx);
    KindShape kind = kind(map, entries.get("kind"), Paths.child(field, "kind"), ctx);
    if (kind == null) {
      return INVALID;
    }
    Shape.Bound bound = kind.shape().bind(map, entries, field, ctx);
    if (faults && bound.values().get("target") instanceof String target) {
      ScenarioRefs.of(ctx)
          .targetRefs
          .add(
              new ScenarioRefs.TargetRef(
                  kind.kind(),
                  kind.record().type().asSubclass(FaultSpec.class),
                  kind.targets(),
                  target,
                  bound.node("target"),
                  Paths.child(field, "target")));
    }
    return bound.valid() ? kind.record().construct(bound) : INVALID;
  }

  /** The kind the {@code kind:} entry names; null after reporting why there is none. */
  private KindShape kind(MappingNode map, Entry kindEntry, String kindField, ReadContext ctx) {
    if (kindEntry == null || Nodes.isNull(kindEntry.value())) {
      ctx.problem(
          kindEntry == null ? map : kindEntry.keyNode(),
          kindField,
          "is missing; expected a " + family() + " kind: one of " + known());
      return null;
    }
    if (!(kindEntry.value() instanceof ScalarNode kindNode)) {
      ctx.problem(
          kindEntry.value(),
          kindField,
          Nodes.mismatch("a " + family() + " kind: one of " + known(), kindEntry.value()));
      return null;
    }
    KindShape kind = kinds.get(kindNode.getValue());
    if (kind == null) {
      ctx.problem(kindNode, kindField, unknown(kindNode.getValue()));
    }
    return kind;
  }

  private String unknown(String name) {
    boolean otherFamily =
        faults ? catalog.probe(name).isPresent() : catalog.fault(name).isPresent();
    if (otherFamily) {
      return Nodes.quote(name)
          + " is a "
          + (faults ? "probe" : "fault")
          + " kind, not a "
          + family()
          + " kind; "
          + family()
          + " kinds: "
          + known();
    }
    return "unknown "
        + family()
        + " kind "
        + Nodes.quote(name)
        + Suggest.didYouMean(name, kinds.keySet())
        + "; known "
        + family()
        + " kinds: "
        + known();
  }

  @Override
  public String expected() {
    return "a " + family() + ": a map with kind and the fields of that kind";
  }

  @Override
  public ObjectNode schema() {
    return JSON.objectNode().put("$ref", "#/$defs/" + family());
  }

  /** The definition behind {@link #schema()}: one if/then branch per kind. */
  ObjectNode definition(String doc) {
    ObjectNode def = JSON.objectNode();
    def.put("description", doc);
    def.put("type", "object");
    def.putArray("required").add("kind");
    ObjectNode kindProperty = def.putObject("properties").putObject("kind");
    kindProperty.put("description", "Which " + family() + "; the other keys depend on it.");
    kindProperty.put("type", "string");
    ArrayNode names = kindProperty.putArray("enum");
    kinds.keySet().forEach(names::add);
    ArrayNode branches = def.putArray("allOf");
    kinds.values().forEach(kind -> branches.add(branch(kind)));
    return def;
  }

  /** If the kind is this one, then its fields (and kind) only. */
  private static ObjectNode branch(KindShape kind) {
    ObjectNode branch = JSON.objectNode();
    ObjectNode condition = branch.putObject("if");
    condition.putObject("properties").putObject("kind").put("const", kind.kind());
    condition.putArray("required").add("kind");
    ObjectNode then = kind.shape().schema();
    ObjectNode properties = (ObjectNode) then.get("properties");
    ObjectNode withKind = JSON.objectNode();
    withKind.putObject("kind").put("const", kind.kind());
    withKind.setAll(properties);
    then.set("properties", withKind);
    ArrayNode required = JSON.arrayNode().add("kind");
    if (then.has("required")) {
      required.addAll((ArrayNode) then.get("required"));
    }
    // keep "required" before "properties" as in every other object of the schema
    ObjectNode ordered = JSON.objectNode();
    for (Map.Entry<String, JsonNode> e : then.properties()) {
      if (e.getKey().equals("type")) {
        ordered.set("type", e.getValue());
        ordered.set("required", required);
      } else if (!e.getKey().equals("required")) {
        ordered.set(e.getKey(), e.getValue());
      }
    }
    branch.set("then", ordered);
    return branch;
  }
}
