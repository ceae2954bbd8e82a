package org.daysofchaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.CronCheck;
import org.daysofchaos.core.gameday.GameDayReadResult;
import org.daysofchaos.core.gameday.GameDayReader;
import org.daysofchaos.core.scenario.ScenarioReader;
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
  private static final Path REJECTS = Path.of("src", "test", "resources", "gameday-rejects");
  private static final String EXPECT = "# schema: ";
  private static final YAMLMapper YAML = new YAMLMapper();
  private static JsonSchema schema;
  private static GameDayReader reader;

  @BeforeAll
  static void load() throws IOException {
    JsonNode json = new ObjectMapper().readTree(ShippedFiles.GAME_DAY_SCHEMA.toFile());
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json);
    List<String> scenarioIds =
        new ScenarioReader(Catalog.standard())
            .read(ShippedFiles.yaml()).scenarios().stream().map(Scenario::id).toList();
    reader = new GameDayReader(scenarioIds, CronCheck.fieldCount(), Catalog.standard());
  }

  static List<Path> shipped() {
    return ShippedFiles.gameDays();
  }

  static List<Path> rejects() throws IOException {
    try (Stream<Path> files = Files.list(REJECTS)) {
      return files.sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void schemaAcceptsEveryShippedGameDay(Path file) throws IOException {
    Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));

    assertThat(errors).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejects")
  void schemaRejectsBrokenGameDaysAsTheReaderDoes(Path file) throws IOException {
    String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    assertThat(first).startsWith(EXPECT);
    String expected = first.substring(EXPECT.length());

    Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));
    GameDayReadResult read = reader.read(file);

    assertThat(errors)
        .as("schema errors of %s", file.getFileName())
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).startsWith(expected));
    assertThat(read.problems()).as("reader problems of %s", file.getFileName()).isNotEmpty();
  }
}
