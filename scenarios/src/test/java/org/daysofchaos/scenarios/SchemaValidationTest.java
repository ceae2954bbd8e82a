package org.daysofchaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.core.testing.SchemaFiles;
import org.daysofchaos.experiments.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What editors see: the committed JSON Schema accepts every shipped scenario and rejects broken
 * ones, as the reader does. Each file of {@code src/test/resources/schema-rejects} starts with
 * {@code # schema: } and the beginning of the error the schema must report.
 */
class SchemaValidationTest {
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    schema = SchemaFiles.load(ShippedFiles.SCHEMA);
  }

  static List<Path> shipped() {
    return ShippedFiles.yaml();
  }

  static List<Path> rejects() {
    return SchemaFiles.rejects("schema-rejects");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void schemaAcceptsEveryShippedScenario(Path file) throws IOException {
    assertThat(SchemaFiles.validate(schema, file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejects")
  void schemaRejectsBrokenScenariosAsTheReaderDoes(Path file) throws IOException {
    SchemaFiles.assertRejectedByBoth(
        schema, file, new ScenarioReader(Catalog.standard()).read(file).problems());
  }
}
