package org.daysofchaos.core.scenario;

import org.daysofchaos.core.binder.SchemaWriter;
import org.daysofchaos.core.scenario.internal.ScenarioLanguage;
import org.daysofchaos.core.scenario.internal.ScenarioSchemaWriter;
import org.daysofchaos.core.spec.KindCatalog;

/**
 * The JSON Schema (draft 2020-12) of scenario files for a catalog, for editors: completion, hover
 * documentation and errors as one types. It is generated from the same description of the language
 * as the reader uses, so the two agree; the reader still checks what a schema cannot (target
 * references, cross-field rules of kinds, duration against maxDuration).
 */
public final class ScenarioSchema {
  private ScenarioSchema() {}

  /**
   * The schema as pretty-printed JSON in a stable order, ending with a newline.
   *
   * @throws IllegalArgumentException when a kind record of the catalog cannot be written in YAML
   */
  public static String generate(KindCatalog catalog) {
    return SchemaWriter.write(ScenarioSchemaWriter.schema(new ScenarioLanguage(catalog)));
  }
}
