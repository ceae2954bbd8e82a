package org.daysofchaos.core.scenario.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.daysofchaos.core.binder.SchemaWriter;

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
    ObjectNode condition = root.putObject("if");
    condition.putObject("properties").putObject("mode").put("const", "until-fixed");
    condition.putArray("required").add("mode");
    root.putObject("then").putObject("properties").put("duration", false);
    ObjectNode defs = root.putObject("$defs");
    defs.setAll(SchemaWriter.durationDefinitions());
    defs.set("target", language.targetsType.definition());
    defs.set("fault", language.faultType.definition(FAULT_DOC));
    defs.set("probe", probeDefinition(language));
    return root;
  }

  private static final String FAULT_DOC =
      "A fault: what to break on one target. Its kind says which; the other keys depend on it.";

  /** The definition of a probe, which guardrails refer to. */
  public static ObjectNode probeDefinition(ScenarioLanguage language) {
    return language.probeType.definition(
        "A probe: a condition on the system that holds or not. Its kind says which; the other"
            + " keys depend on it.");
  }
}
