package org.daysofchaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code index.txt} lists the scenarios the jar ships, which the server reads at start instead of
 * scanning its jar (tens of thousands of entries). It must name exactly the scenario files the
 * build packaged.
 */
class ShippedIndexTest {
  private static final Path PACKAGED = ShippedFiles.MODULE.resolve("target/classes/scenarios");

  @Test
  void theIndexNamesEveryPackagedScenarioAndNothingElse() throws IOException {
    List<String> index =
        Files.readAllLines(ShippedFiles.MODULE.resolve("index.txt")).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();

    assertThat(index)
        .as(
            "scenarios/index.txt: add or remove the lines of the scenario files you added or removed")
        .containsExactlyElementsOf(packagedScenarios());
  }

  private static List<String> packagedScenarios() throws IOException {
    try (Stream<Path> files = Files.walk(PACKAGED)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .filter(f -> !ShippedFiles.isGameDay(f))
          .map(f -> PACKAGED.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
