package org.daysofchaos.agents.environment;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.daysofchaos.core.testing.SchemaFiles;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code deploy/environment.schema.json} is the one the environment language
 * generates, and the shipped example passes it. After a change of the format, regenerate it with
 *
 * <pre>
 * ./mvnw -o -pl agents -am test -Dtest=EnvironmentSchemaFileTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dschema.update=true
 * </pre>
 */
class EnvironmentSchemaFileTest {
  private static final Path SCHEMA = Path.of("..", "deploy", "environment.schema.json");

  @Test
  void committedSchemaIsTheOneTheLanguageGenerates() throws IOException {
    String generated = EnvironmentSchema.generate();

    assertThat(SchemaFiles.committed(SCHEMA, generated))
        .as(
            "deploy/environment.schema.json is out of date with the environment language;"
                + " regenerate it with `./mvnw -o -pl agents -am test"
                + " -Dtest=EnvironmentSchemaFileTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dschema.update=true`, and commit it")
        .isEqualTo(generated);
  }

  @Test
  void theShippedExamplePassesTheSchemaAndPointsEditorsAtIt() throws IOException {
    JsonSchema schema = SchemaFiles.load(SCHEMA);

    assertThat(SchemaFiles.validate(schema, EnvironmentReaderTest.EXAMPLE)).isEmpty();
    SchemaFiles.assertPointAt(
        List.of(EnvironmentReaderTest.EXAMPLE.normalize()), SCHEMA.normalize());
  }

  @Test
  void theSchemaRefusesAnInlineSecretAndAnUnknownSection() throws IOException {
    JsonSchema schema = SchemaFiles.load(SCHEMA);
    com.fasterxml.jackson.databind.ObjectMapper yaml =
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();

    assertThat(
            schema.validate(
                yaml.readTree("prometheus: {main: {url: 'http://p:9090', bearer: hunter2}}")))
        .isNotEmpty();
    assertThat(schema.validate(yaml.readTree("promethus: {}"))).isNotEmpty();
  }
}
