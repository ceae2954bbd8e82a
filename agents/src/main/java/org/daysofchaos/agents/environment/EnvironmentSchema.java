package org.daysofchaos.agents.environment;

import org.daysofchaos.core.binder.SchemaWriter;

/**
 * The JSON Schema (draft 2020-12) of environment files, for editors, generated from the same
 * language as {@link EnvironmentReader} uses.
 */
public final class EnvironmentSchema {
  private EnvironmentSchema() {}

  /** The schema as pretty-printed JSON in a stable order, ending with a newline. */
  public static String generate() {
    return SchemaWriter.write(EnvironmentLanguage.schema());
  }
}
