package org.daysofchaos.core.scenario.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spec.SpecException;
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
  public Object bind(Node node, String field, Ctx ctx) {
    if (!(node instanceof MappingNode map)) {
      ctx.problem(node, field, Nodes.mismatch(expected(), node));
      return INVALID;
    }
    Map<String, Entry> entries = Nodes.entries(map, field, ctx);
    Entry kindEntry = entries.get("kind");
    String kindField = Paths.child(field, "kind");
    if (kindEntry == null || Nodes.isNull(kindEntry.value())) {
      ctx.problem(
          kindEntry == null ? map : kindEntry.keyNode(),
          kindField,
          "is missing; expected a " + family() + " kind: one of " + known());
      return INVALID;
    }
    if (!(kindEntry.value() instanceof ScalarNode kindNode)) {
      ctx.problem(
          kindEntry.value(),
          kindField,
          Nodes.mismatch("a " + family() + " kind: one of " + known(), kindEntry.value()));
      return INVALID;
    }
    String name = kindNode.getValue();
    KindShape kind = kinds.get(name);
    if (kind == null) {
      boolean otherFamily =
          faults ? catalog.probe(name).isPresent() : catalog.fault(name).isPresent();
      String message =
          otherFamily
              ? Nodes.quote(name)
                  + " is a "
                  + (faults ? "probe" : "fault")
                  + " kind, not a "
                  + family()
                  + " kind; "
                  + family()
                  + " kinds: "
                  + known()
              : "unknown "
                  + family()
                  + " kind "
                  + Nodes.quote(name)
                  + Suggest.didYouMean(name, kinds.keySet())
                  + "; known "
                  + family()
                  + " kinds: "
                  + known();
      ctx.problem(kindNode, kindField, message);
      return INVALID;
    }
    Shape.Bound bound = kind.shape().bind(map, entries, field, ctx);
    if (faults && bound.values().get("target") instanceof String target) {
      ctx.targetRefs.add(
          new Ctx.TargetRef(
              name,
              kind.targets(),
              kind.kubernetes(),
              target,
              bound.node("target"),
              Paths.child(field, "target")));
    }
    if (!bound.valid()) {
      return INVALID;
    }
    return construct(kind, map, bound, field, ctx);
  }

  private static Object construct(
      KindShape kind, MappingNode map, Shape.Bound bound, String field, Ctx ctx) {
    Object[] args = kind.shape().fields().stream().map(f -> bound.values().get(f.name())).toArray();
    try {
      return kind.constructor().newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SpecException spec && spec.field() != null) {
        Entry entry = bound.entries().get(spec.field());
        Node at =
            entry == null ? map : Nodes.isNull(entry.value()) ? entry.keyNode() : entry.value();
        ctx.problem(at, Paths.child(field, spec.field()), message(spec));
      } else {
        ctx.problem(map, field, message(cause));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      ctx.problem(map, field, kind.kind() + " cannot be built: " + message(e));
    }
    return INVALID;
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
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
    for (KindShape kind : kinds.values()) {
      ObjectNode branch = branches.addObject();
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
      for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : then.properties()) {
        if (e.getKey().equals("type")) {
          ordered.set("type", e.getValue());
          ordered.set("required", required);
        } else if (!e.getKey().equals("required")) {
          ordered.set(e.getKey(), e.getValue());
        }
      }
      branch.set("then", ordered);
    }
    return def;
  }
}
