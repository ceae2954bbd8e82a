package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The keys a YAML map may have. Binding reports unknown keys (with "did you mean"), missing
 * required keys, and every problem of every value; an empty value ({@code key:}) counts as absent.
 *
 * @param extraKeys keys that are allowed but bound by someone else (the {@code kind} of a fault)
 * @param typosHideMissing when an unknown key is an obvious typo of a missing required key, report
 *     the typo only (one problem, not two); see {@link #reportingMissingBesideTypos()}
 */
public record Shape(
    String doc, List<Field> fields, List<String> extraKeys, boolean typosHideMissing) {
  public Shape {
    fields = List.copyOf(fields);
    extraKeys = List.copyOf(extraKeys);
  }

  public Shape(String doc, List<Field> fields, List<String> extraKeys) {
    this(doc, fields, extraKeys, true);
  }

  public Shape(String doc, List<Field> fields) {
    this(doc, fields, List.of());
  }

  /** The same shape, reporting a missing required key even beside a typo of it. */
  public Shape reportingMissingBesideTypos() {
    return new Shape(doc, fields, extraKeys, false);
  }

  /**
   * The values of a map's valid fields, its entries, and whether every field was valid; with what a
   * {@link Rule} needs to report a problem at a key.
   *
   * @param path the field path of the map itself
   */
  public record Bound(
      Shape shape,
      Map<String, Object> values,
      Map<String, Entry> entries,
      boolean valid,
      MappingNode map,
      String path,
      ReadContext ctx) {
    /** The value of a valid field (its default when absent); null when it was invalid. */
    @SuppressWarnings("unchecked")
    public <T> T get(String name) {
      return (T) values.get(name);
    }

    /** The value node of a key, or null when the key is absent. */
    public Node node(String name) {
      Entry e = entries.get(name);
      return e == null ? null : e.value();
    }

    /** Whether the key is written in the map, even with an empty value. */
    public boolean has(String name) {
      return entries.containsKey(name);
    }

    /** A problem with the map as a whole, at the map. */
    public void problem(String message) {
      ctx.problem(map, path, message);
    }

    /** A problem at the key {@code name} (which must be present). */
    public void problemAtKey(String name, String message) {
      ctx.problem(entries.get(name).keyNode(), Paths.child(path, name), message);
    }

    /** A problem at the value of {@code name} (which must be present). */
    public void problemAtValue(String name, String message) {
      ctx.problem(node(name), Paths.child(path, name), message);
    }
  }

  /** The field called {@code name}. */
  public Field field(String name) {
    return fields.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no field " + name));
  }

  public List<String> allowedKeys() {
    List<String> keys = new ArrayList<>(extraKeys);
    fields.forEach(f -> keys.add(f.name()));
    return keys;
  }

  /** Binds the entries of {@code map}; every problem is reported to {@code ctx}. */
  public Bound bind(MappingNode map, Map<String, Entry> entries, String path, ReadContext ctx) {
    Set<String> suggested = new HashSet<>();
    boolean valid = checkKeys(entries, path, ctx, suggested);
    if (!typosHideMissing) {
      suggested.clear();
    }
    Map<String, Object> values = new HashMap<>();
    for (Field f : fields) {
      valid &= bindField(f, map, entries.get(f.name()), path, ctx, suggested, values);
    }
    return new Bound(this, values, entries, valid, map, path, ctx);
  }

  /** Reports unknown keys; false if there is one. Collects the keys suggested for typos. */
  private boolean checkKeys(
      Map<String, Entry> entries, String path, ReadContext ctx, Set<String> suggested) {
    List<String> allowed = allowedKeys();
    boolean valid = true;
    for (Entry entry : entries.values()) {
      if (allowed.contains(entry.key())) {
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
    return valid;
  }

  /** Binds one field into {@code values}; false if it is invalid or missing. */
  private static boolean bindField(
      Field f,
      MappingNode map,
      Entry entry,
      String path,
      ReadContext ctx,
      Set<String> suggested,
      Map<String, Object> values) {
    String field = Paths.child(path, f.name());
    if (entry == null || Nodes.isNull(entry.value())) {
      if (!f.required()) {
        values.put(f.name(), f.defaultValue());
        return true;
      }
      if (!suggested.contains(f.name())) {
        Node at = entry == null ? map : entry.keyNode();
        ctx.problem(at, field, "is missing; expected " + f.expected());
      }
      return false;
    }
    Object value = f.type().bind(entry.value(), field, ctx);
    if (value == ValueType.INVALID) {
      return false;
    }
    String outOfRange = f.outOfRange(value);
    if (outOfRange != null) {
      ctx.problem(entry.value(), field, outOfRange);
      return false;
    }
    values.put(f.name(), value);
    return true;
  }

  /** An object schema: the fields as properties, the required ones, nothing else allowed. */
  public ObjectNode schema() {
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
