package org.daysofchaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.CronCheck;
import org.daysofchaos.core.gameday.GameDayReadResult;
import org.daysofchaos.core.gameday.GameDayReader;
import org.daysofchaos.core.scenario.ScenarioReader;
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
    for (Path file : ShippedFiles.gameDays()) {
      String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
      String prefix = "# yaml-language-server: $schema=";
      assertThat(first).as(ShippedFiles.relative(file)).startsWith(prefix);
      Path schema = file.getParent().resolve(first.substring(prefix.length())).normalize();
      assertThat(schema).as(ShippedFiles.relative(file)).isEqualTo(ShippedFiles.GAME_DAY_SCHEMA);
    }
  }
}
