package org.daysofchaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.CronCheck;
import org.daysofchaos.core.gameday.GameDayReader;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.core.testing.SchemaFiles;
import org.daysofchaos.experiments.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What editors see of game days: the committed JSON Schema accepts every shipped game day and
 * rejects broken ones, as the reader does. Each file of {@code src/test/resources/gameday-rejects}
 * starts with {@code # schema: } and the beginning of the error the schema must report.
 */
class GameDaySchemaValidationTest {
  private static JsonSchema schema;
  private static GameDayReader reader;

  @BeforeAll
  static void load() throws IOException {
    schema = SchemaFiles.load(ShippedFiles.GAME_DAY_SCHEMA);
    List<String> scenarioIds =
        new ScenarioReader(Catalog.standard())
            .read(ShippedFiles.yaml()).scenarios().stream().map(Scenario::id).toList();
    reader = new GameDayReader(scenarioIds, CronCheck.fieldCount(), Catalog.standard());
  }

  static List<Path> shipped() {
    return ShippedFiles.gameDays();
  }

  static List<Path> rejects() {
    return SchemaFiles.rejects("gameday-rejects");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void schemaAcceptsEveryShippedGameDay(Path file) throws IOException {
    assertThat(SchemaFiles.validate(schema, file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejects")
  void schemaRejectsBrokenGameDaysAsTheReaderDoes(Path file) throws IOException {
    SchemaFiles.assertRejectedByBoth(schema, file, reader.read(file).problems());
  }
}
