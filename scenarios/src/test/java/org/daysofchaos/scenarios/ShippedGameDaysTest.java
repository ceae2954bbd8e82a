package org.daysofchaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.CronCheck;
import org.daysofchaos.core.gameday.GameDayReadResult;
import org.daysofchaos.core.gameday.GameDayReader;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.core.testing.SchemaFiles;
import org.daysofchaos.experiments.Catalog;
import org.junit.jupiter.api.Test;

/**
 * Every game day this module ships reads without problems, names only shipped scenarios, and points
 * editors at the game-day schema.
 */
class ShippedGameDaysTest {
  @Test
  void everyShippedGameDayReadsWithoutProblems() {
    List<String> scenarioIds =
        new ScenarioReader(Catalog.standard())
            .read(ShippedFiles.yaml()).scenarios().stream().map(Scenario::id).toList();
    GameDayReader reader = new GameDayReader(scenarioIds, CronCheck.fieldCount());
    List<Path> files = ShippedFiles.gameDays();
    assertThat(files).extracting(ShippedFiles::relative).contains("demo/gameday.yaml");

    for (Path file : files) {
      GameDayReadResult result = reader.read(file);
      assertThat(result.problems()).as(result.report()).isEmpty();
    }
  }

  @Test
  void everyShippedGameDayPointsEditorsAtTheSchema() throws IOException {
    SchemaFiles.assertPointAt(ShippedFiles.gameDays(), ShippedFiles.GAME_DAY_SCHEMA);
  }
}
