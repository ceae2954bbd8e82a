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
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
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
  private static final Path REJECTS = Path.of("src", "test", "resources", "schema-rejects");
  private static final String EXPECT = "# schema: ";
  private static final YAMLMapper YAML = new YAMLMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    JsonNode json = new ObjectMapper().readTree(ShippedFiles.SCHEMA.toFile());
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json);
  }

  static List<Path> shipped() {
    return ShippedFiles.yaml();
  }

  static List<Path> rejects() throws IOException {
    try (Stream<Path> files = Files.list(REJECTS)) {
      return files.sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void schemaAcceptsEveryShippedScenario(Path file) throws IOException {
    Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));

    assertThat(errors).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejects")
  void schemaRejectsBrokenScenariosAsTheReaderDoes(Path file) throws IOException {
    String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    assertThat(first).startsWith(EXPECT);
    String expected = first.substring(EXPECT.length());

    Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));
    ReadResult read = new ScenarioReader(Catalog.standard()).read(file);

    assertThat(errors)
        .as("schema errors of %s", file.getFileName())
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).startsWith(expected));
    assertThat(read.problems()).as("reader problems of %s", file.getFileName()).isNotEmpty();
  }
}
