package org.daysofchaos.agents.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.daysofchaos.core.scenario.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of broken environments in {@code src/test/resources/broken-environments}: every file
 * states the problems the reader must report, one {@code # expect: line:column: field: message}
 * comment per problem, in order.
 */
class BrokenEnvironmentsTest {
  private static final Path ROOT = Path.of("src", "test", "resources", "broken-environments");
  private static final String EXPECT = "# expect: ";

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(ROOT)) {
      return files.sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void readerReportsExactlyTheExpectedProblems(Path file) throws IOException {
    String name = file.getFileName().toString();
    List<String> expected =
        Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .filter(line -> line.startsWith(EXPECT))
            .map(line -> name + ":" + line.substring(EXPECT.length()))
            .toList();
    assertThat(expected).as("expectations of %s", name).isNotEmpty();

    EnvironmentReader.Result result =
        new EnvironmentReader()
            .read(name, Files.readString(file, StandardCharsets.UTF_8), ROOT.toAbsolutePath());

    assertThat(result.problems()).extracting(Problem::toString).containsExactlyElementsOf(expected);
    assertThat(result.environment()).isEmpty();
  }
}
