package org.daysofchaos.core.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.daysofchaos.core.binder.SchemaWriter;
import org.daysofchaos.core.binder.ValueType;

/** The JSON Schema (draft 2020-12) of a scenario language, pretty-printed in a stable order. */
public final class ScenarioSchemaWriter {
  private ScenarioSchemaWriter() {}

  public static ObjectNode schema(ScenarioLanguage language) {
    ObjectNode root =
        SchemaWriter.document(
            "Days of Chaos scenario",
            "A scenario of Days of Chaos: faults on named targets, the steady state, detection"
                + " signals, the recovery rule, the answer key and hints. Generated from the kind"
                + " catalog (ScenarioSchema); see docs/scenario-format.md.",
            language.scenario);
    ((ObjectNode) root.get("properties")).set(ScenarioParameters.KEY, parameters());
    ObjectNode condition = root.putObject("if");
    condition.putObject("properties").putObject("mode").put("const", "until-fixed");
    condition.putArray("required").add("mode");
    root.putObject("then").putObject("properties").put("duration", false);
    ObjectNode defs = root.putObject("$defs");
    defs.setAll(SchemaWriter.durationDefinitions());
    defs.set("target", language.targetsType.definition());
    defs.set("fault", language.faultType.definition(FAULT_DOC));
    defs.set("probe", probeDefinition(language));
    allowPlaceholders(root);
    return root;
  }

  /**
   * Every text with a pattern also accepts a {@code ${name}} placeholder, so that an editor does
   * not flag a parameterised library scenario; the reader checks the value once it is replaced.
   */
  private static void allowPlaceholders(JsonNode node) {
    if (node instanceof ObjectNode object && object.get("pattern") instanceof TextNode pattern) {
      object.put("pattern", "(?:" + pattern.textValue() + ")|\\$\\{");
    }
    node.forEach(ScenarioSchemaWriter::allowPlaceholders);
  }

  private static final String FAULT_DOC =
      "A fault: what to break on one target. Its kind says which; the other keys depend on it.";

  /** The parameters block, which the reader handles before binding (ScenarioParameters). */
  private static ObjectNode parameters() {
    ObjectNode schema = ValueType.JSON.objectNode();
    schema.put(
        "description",
        "Parameters by name, each with its default (null: none, a value must be given). ${name}"
            + " in any value is replaced by the environment file's value, else the default.");
    schema.put("type", "object");
    schema.putObject("propertyNames").put("pattern", "^" + ScenarioParameters.NAME.pattern() + "$");
    schema
        .putObject("additionalProperties")
        .putArray("type")
        .add("string")
        .add("number")
        .add("boolean")
        .add("null");
    return schema;
  }

  /** The definition of a probe, which guardrails refer to. */
  public static ObjectNode probeDefinition(ScenarioLanguage language) {
    return language.probeType.definition(
        "A probe: a condition on the system that holds or not. Its kind says which; the other"
            + " keys depend on it.");
  }
}
