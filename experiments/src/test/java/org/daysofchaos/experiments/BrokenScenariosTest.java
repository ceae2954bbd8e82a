package org.daysofchaos.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of broken scenarios in {@code src/test/resources/broken}: every file states the
 * problems the reader must report, one {@code # expect: line:column: field: message} comment per
 * problem, in order. A folder is one case whose files are read together (duplicate ids). {@value
 * #FAULT_KINDS} (or {@value #PROBE_KINDS}) in an expectation stands for every fault (or probe) kind
 * of the catalog, in its order, so that a new kind changes no expectation.
 */
class BrokenScenariosTest {
  private static final Path ROOT = Path.of("src", "test", "resources", "broken");
  private static final String EXPECT = "# expect: ";
  private static final String FAULT_KINDS = "{fault kinds}";
  private static final String PROBE_KINDS = "{probe kinds}";
  private static final ScenarioReader READER = new ScenarioReader(Catalog.standard());

  static Stream<Arguments> corpus() throws IOException {
    try (Stream<Path> entries = Files.list(ROOT)) {
      return entries.sorted().map(e -> Arguments.of(name(e), e)).toList().stream();
    }
  }

  private static String name(Path file) {
    return ROOT.relativize(file).toString().replace(File.separatorChar, '/');
  }

  private static List<Path> files(Path entry) throws IOException {
    if (!Files.isDirectory(entry)) {
      return List.of(entry);
    }
    try (Stream<Path> files = Files.list(entry)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static List<String> expected(List<Path> files) throws IOException {
    List<String> expected = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith(EXPECT)) {
          expected.add(name(file) + ":" + expand(line.substring(EXPECT.length())));
        }
      }
    }
    return expected;
  }

  private static String expand(String expectation) {
    return expectation
        .replace(FAULT_KINDS, String.join(", ", Catalog.standard().faultKinds()))
        .replace(PROBE_KINDS, String.join(", ", Catalog.standard().probeKinds()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void readerReportsExactlyTheExpectedProblems(String name, Path entry) throws IOException {
    List<Path> files = files(entry);
    List<String> expected = expected(files);
    assertThat(expected).as("expectations of %s", name).isNotEmpty();

    ReadResult result = READER.read(files);

    String prefix = ROOT + File.separator;
    List<String> actual =
        result.problems().stream()
            .map(p -> p.toString().replace(prefix, "").replace(File.separatorChar, '/'))
            .toList();
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(result.ok()).isFalse();
    // files with a problem yield no scenario; a clean file read alongside still does
    long clean =
        files.stream()
            .filter(f -> actual.stream().noneMatch(p -> p.startsWith(name(f) + ":")))
            .count();
    assertThat(result.scenarios()).hasSize((int) clean);
  }

  @Test
  void theCorpusCoversAtLeastThirtyCases() throws IOException {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void aDuplicateIdKeepsTheFirstScenario() throws IOException {
    ReadResult result = READER.read(files(ROOT.resolve("duplicate-ids")));

    assertThat(result.scenarios()).extracting(Scenario::title).containsExactly("Payments are slow");
  }
}
