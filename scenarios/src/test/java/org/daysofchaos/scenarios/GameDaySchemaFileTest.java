package org.daysofchaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.daysofchaos.core.gameday.GameDaySchema;
import org.daysofchaos.core.testing.SchemaFiles;
import org.daysofchaos.experiments.Catalog;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code scenarios/gameday.schema.json} is the one the game-day language generates.
 * After a change of the format or of the probe kinds (guardrails use them), regenerate it with
 *
 * <pre>
 * ./mvnw -o -pl scenarios -am test -Dtest=GameDaySchemaFileTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dschema.update=true
 * </pre>
 */
class GameDaySchemaFileTest {

  @Test
  void committedSchemaIsTheOneTheLanguageGenerates() throws IOException {
    String generated = GameDaySchema.generate(Catalog.standard());

    assertThat(SchemaFiles.committed(ShippedFiles.GAME_DAY_SCHEMA, generated))
        .as(
            "scenarios/gameday.schema.json is out of date with the game-day language; regenerate"
                + " it with `./mvnw -o -pl scenarios -am test -Dtest=GameDaySchemaFileTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dschema.update=true`, and commit it")
        .isEqualTo(generated);
  }
}
