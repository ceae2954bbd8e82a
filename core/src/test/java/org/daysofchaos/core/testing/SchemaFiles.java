package org.daysofchaos.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the schema tests of scenarios, game days and environments share: the committed schema file
 * and its regeneration, validation, the corpus of broken files, and the comment that points editors
 * at a schema.
 */
public final class SchemaFiles {
  private static final String EXPECT = "# schema: ";
  private static final String POINTER = "# yaml-language-server: $schema=";
  private static final YAMLMapper YAML = new YAMLMapper();

  private SchemaFiles() {}

  /**
   * The committed {@code schema}, first rewritten with {@code generated} if -Dschema.update=true.
   */
  public static String committed(Path schema, String generated) throws IOException {
    if (Boolean.getBoolean("schema.update")) {
      Files.writeString(schema, generated, StandardCharsets.UTF_8);
    }
    return Files.exists(schema) ? Files.readString(schema, StandardCharsets.UTF_8) : "";
  }

  /** The committed schema, for validation. */
  public static JsonSchema load(Path schema) throws IOException {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(new ObjectMapper().readTree(schema.toFile()));
  }

  public static Set<ValidationMessage> validate(JsonSchema schema, Path yaml) throws IOException {
    return schema.validate(YAML.readTree(yaml.toFile()));
  }

  /**
   * The broken files of {@code src/test/resources/<folder>}. Each starts with {@code # schema: }
   * and the beginning of the error the schema must report.
   */
  public static List<Path> rejects(String folder) {
    try (Stream<Path> files = Files.list(Path.of("src", "test", "resources", folder))) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema reports the error {@code file} expects, and the reader has problems too. */
  public static void assertRejectedByBoth(JsonSchema schema, Path file, List<?> readerProblems)
      throws IOException {
    String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    assertThat(first).startsWith(EXPECT);
    String expected = first.substring(EXPECT.length());

    assertThat(validate(schema, file))
        .as("schema errors of %s", file.getFileName())
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).startsWith(expected));
    assertThat(readerProblems).as("reader problems of %s", file.getFileName()).isNotEmpty();
  }

  /** Each file's first line points editors at {@code schema}, by a path relative to the file. */
  public static void assertPointAt(List<Path> files, Path schema) throws IOException {
    for (Path file : files) {
      String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
      assertThat(first).as(file.toString()).startsWith(POINTER);
      Path named = file.getParent().resolve(first.substring(POINTER.length())).normalize();
      assertThat(named).as(file.toString()).isEqualTo(schema);
    }
  }
}
