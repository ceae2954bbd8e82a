package org.daysofchaos.core.gameday;

import java.util.Set;
import org.daysofchaos.core.binder.SchemaWriter;
import org.daysofchaos.core.scenario.ScenarioKeys;
import org.daysofchaos.core.spec.KindCatalog;

/**
 * The JSON Schema (draft 2020-12) of game-day files for a catalog, for editors: completion, hover
 * documentation and errors as one types. It is generated from the same description of the language
 * as {@link GameDayReader} uses, so the two agree; the reader still checks what a schema cannot
 * (that scenarios are loaded, moments inside the window, cron expressions, team names unique
 * ignoring case).
 */
public final class GameDaySchema {
  private GameDaySchema() {}

  /**
   * The schema as pretty-printed JSON in a stable order, ending with a newline.
   *
   * @throws IllegalArgumentException when a kind record of the catalog cannot be written in YAML
   */
  public static String generate(KindCatalog catalog) {
    ScenarioKeys keys = new ScenarioKeys(catalog);
    GameDayLanguage language =
        new GameDayLanguage(Set.of(), CronCheck.fieldCount(), keys.guardrails());
    return SchemaWriter.write(language.schema(keys.schemaDefinitions()));
  }
}
