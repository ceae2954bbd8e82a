package org.daysofchaos.core.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.scenario.internal.ScenarioLanguage;
import org.daysofchaos.core.scenario.internal.ScenarioSchemaWriter;
import org.daysofchaos.core.spec.KindCatalog;

/**
 * Keys of the scenario language that other files write in the same words: a game day declares
 * {@code guardrails} as a scenario does. They are the scenario language's own fields, so both files
 * read alike, report the same problems and have the same schema.
 */
public final class ScenarioKeys {
  private final ScenarioLanguage language;

  /**
   * The keys of the scenario language of {@code catalog}.
   *
   * @throws IllegalArgumentException when a kind record of the catalog cannot be written in YAML
   */
  public ScenarioKeys(KindCatalog catalog) {
    this.language = new ScenarioLanguage(Objects.requireNonNull(catalog, "catalog"));
  }

  /** The {@code guardrails} key: a list of a name, a probe under {@code holds}, an abortAfter. */
  public Field guardrails() {
    return language.guardrailsField();
  }

  /**
   * The {@code $defs} that the schema of these keys refers to (the probe kinds); durations are in
   * {@link org.daysofchaos.core.binder.SchemaWriter#durationDefinitions()}.
   */
  public Map<String, ObjectNode> schemaDefinitions() {
    return Map.of("probe", ScenarioSchemaWriter.probeDefinition(language));
  }
}
