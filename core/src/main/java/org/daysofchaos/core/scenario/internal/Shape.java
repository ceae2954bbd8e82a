package org.daysofchaos.core.scenario.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The keys a YAML map may have.
 *
 * @param extraKeys keys that are allowed but bound by someone else (the {@code kind} of a fault)
 */
public record Shape(String doc, List<Field> fields, List<String> extraKeys) {
  public Shape {
    fields = List.copyOf(fields);
    extraKeys = List.copyOf(extraKeys);
  }

  Shape(String doc, List<Field> fields) {
    this(doc, fields, List.of());
  }

  /** The values of a map's fields, its entries, and whether every field was valid. */
  public record Bound(Map<String, Object> values, Map<String, Entry> entries, boolean valid) {
    @SuppressWarnings("unchecked")
    public <T> T get(String name) {
      return (T) values.get(name);
    }

    /** The value node of a key, or null when the key is absent. */
    public Node node(String name) {
      Entry e = entries.get(name);
      return e == null ? null : e.value();
    }
  }

  public List<String> allowedKeys() {
    List<String> keys = new ArrayList<>(extraKeys);
    fields.forEach(f -> keys.add(f.name()));
    return keys;
  }

  /** Binds the entries of {@code map}; every problem is reported to {@code ctx}. */
  Bound bind(MappingNode map, Map<String, Entry> entries, String path, Ctx ctx) {
    Map<String, Field> byName = new LinkedHashMap<>();
    fields.forEach(f -> byName.put(f.name(), f));
    List<String> allowed = allowedKeys();
    Set<String> suggested = new HashSet<>();
    boolean valid = true;
    for (Entry entry : entries.values()) {
      if (byName.containsKey(entry.key()) || extraKeys.contains(entry.key())) {
        continue;
      }
      String field = Paths.child(path, entry.key());
      if (entry.key().equals("<<")) {
        ctx.problem(
            entry.keyNode(), field, "merge keys (<<) are not supported; write the keys out");
      } else {
        String closest = Suggest.closest(entry.key(), allowed);
        if (closest != null) {
          suggested.add(closest);
        }
        ctx.problem(
            entry.keyNode(),
            field,
            "unknown key '"
                + entry.key()
                + "'"
                + (closest == null ? "" : " (did you mean '" + closest + "'?)")
                + "; allowed keys: "
                + String.join(", ", allowed));
      }
      valid = false;
    }
    Map<String, Object> values = new HashMap<>();
    for (Field f : fields) {
      Entry entry = entries.get(f.name());
      String field = Paths.child(path, f.name());
      if (entry == null || Nodes.isNull(entry.value())) {
        if (f.required()) {
          valid = false;
          if (!suggested.contains(f.name())) {
            Node at = entry == null ? map : entry.keyNode();
            ctx.problem(at, field, "is missing; expected " + f.expected());
          }
        } else {
          values.put(f.name(), f.defaultValue());
        }
        continue;
      }
      Object value = f.type().bind(entry.value(), field, ctx);
      if (value != ValueType.INVALID) {
        String outOfRange = f.outOfRange(value);
        if (outOfRange != null) {
          ctx.problem(entry.value(), field, outOfRange);
          value = ValueType.INVALID;
        }
      }
      if (value == ValueType.INVALID) {
        valid = false;
      } else {
        values.put(f.name(), value);
      }
    }
    return new Bound(values, entries, valid);
  }

  /** An object schema: the fields as properties, the required ones, nothing else allowed. */
  ObjectNode schema() {
    ObjectNode schema = ValueType.JSON.objectNode();
    if (doc != null && !doc.isEmpty()) {
      schema.put("description", doc);
    }
    schema.put("type", "object");
    ArrayNode required = ValueType.JSON.arrayNode();
    fields.stream().filter(Field::required).forEach(f -> required.add(f.name()));
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    ObjectNode properties = schema.putObject("properties");
    fields.forEach(f -> properties.set(f.name(), f.schema()));
    schema.put("additionalProperties", false);
    return schema;
  }
}
