package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.daysofchaos.core.binder.internal.PrettyJson;

/**
 * The JSON Schema (draft 2020-12) of a language, written from the same shapes and types as the
 * reader binds with, so that the two agree. A language starts from {@link #document}, adds the
 * {@code $defs} its types refer to (its own, and {@link #durationDefinitions()} if it has
 * durations), and writes it with {@link #write}.
 */
public final class SchemaWriter {
  private SchemaWriter() {}

  /**
   * The schema of a file whose top level is {@code root}: {@code $schema}, {@code title}, then the
   * root's object schema with {@code description}.
   */
  public static ObjectNode document(String title, String description, Shape root) {
    return document(title, description, root.schema());
  }

  /** As {@link #document(String, String, Shape)}, for a root that has rules across its keys. */
  public static ObjectNode document(String title, String description, MapType root) {
    return document(title, description, root.schema());
  }

  private static ObjectNode document(String title, String description, ObjectNode schema) {
    ObjectNode document = ValueType.JSON.objectNode();
    document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    document.put("title", title);
    document.put("description", description);
    schema.remove("description");
    document.setAll(schema);
    return document;
  }

  /** The definitions that {@link Types#DURATION} and {@link Types#POSITIVE_DURATION} refer to. */
  public static Map<String, ObjectNode> durationDefinitions() {
    Map<String, ObjectNode> defs = new LinkedHashMap<>();
    defs.put(
        "duration",
        ValueType.JSON
            .objectNode()
            .put(
                "description",
                "A duration: whole numbers with units ms, s, m, h, e.g. 500ms, 30s, 2m, 1h30m.")
            .put("type", "string")
            .put("pattern", Types.DURATION_PATTERN));
    defs.put(
        "positiveDuration",
        ValueType.JSON
            .objectNode()
            .put("description", "A duration longer than zero, e.g. 500ms, 30s, 2m, 1h30m.")
            .put("type", "string")
            .put("pattern", Types.POSITIVE_DURATION_PATTERN));
    return defs;
  }

  /** Two-space indentation, {@code "key": value}, {@code \n} line ends, a final newline. */
  public static String write(ObjectNode schema) {
    return PrettyJson.write(schema);
  }
}
