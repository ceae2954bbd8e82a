package org.daysofchaos.core.scenario.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The JSON Schema (draft 2020-12) of a scenario language, pretty-printed in a stable order. */
public final class SchemaWriter {
  private SchemaWriter() {}

  public static ObjectNode schema(ScenarioLanguage language) {
    ObjectNode root = ValueType.JSON.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("title", "Days of Chaos scenario");
    ObjectNode scenario = language.scenario.schema();
    scenario.put(
        "description",
        "A scenario of Days of Chaos: faults on named targets, the steady state, detection"
            + " signals, the recovery rule, the answer key and hints. Generated from the kind"
            + " catalog (ScenarioSchema); see docs/scenario-format.md.");
    root.setAll(scenario);
    ObjectNode condition = root.putObject("if");
    condition.putObject("properties").putObject("mode").put("const", "until-fixed");
    condition.putArray("required").add("mode");
    root.putObject("then").putObject("properties").put("duration", false);
    ObjectNode defs = root.putObject("$defs");
    defs.set(
        "duration",
        ValueType.JSON
            .objectNode()
            .put(
                "description",
                "A duration: whole numbers with units ms, s, m, h, e.g. 500ms, 30s, 2m, 1h30m.")
            .put("type", "string")
            .put("pattern", Types.DURATION_PATTERN));
    defs.set(
        "positiveDuration",
        ValueType.JSON
            .objectNode()
            .put("description", "A duration longer than zero, e.g. 500ms, 30s, 2m, 1h30m.")
            .put("type", "string")
            .put("pattern", Types.POSITIVE_DURATION_PATTERN));
    defs.set("target", language.targetsType.definition());
    defs.set(
        "fault",
        language.faultType.definition(
            "A fault: what to break on one target. Its kind says which; the other keys depend on"
                + " it."));
    defs.set(
        "probe",
        language.probeType.definition(
            "A probe: a condition on the system that holds or not. Its kind says which; the other"
                + " keys depend on it."));
    return root;
  }

  /** Two-space indentation, {@code "key": value}, {@code \n} line ends, a final newline. */
  public static String write(ObjectNode schema) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
