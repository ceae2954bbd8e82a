package org.daysofchaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.experiments.Catalog;
import org.junit.jupiter.api.Test;

/** Every scenario this module ships reads without a single problem with the standard catalog. */
class ShippedScenariosTest {
  private static final ScenarioReader READER = new ScenarioReader(Catalog.standard());

  @Test
  void everyShippedScenarioReadsWithoutProblems() {
    List<Path> files = ShippedFiles.yaml();
    assertThat(files).extracting(ShippedFiles::relative).contains("demo/payment-latency.yaml");

    ReadResult result = READER.read(files);

    assertThat(result.problems()).as(result.report()).isEmpty();
    assertThat(result.scenarios()).hasSameSizeAs(files);
  }

  @Test
  void everyShippedScenarioPointsEditorsAtTheSchema() throws IOException {
    for (Path file : ShippedFiles.yaml()) {
      String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
      String prefix = "# yaml-language-server: $schema=";
      assertThat(first).as(ShippedFiles.relative(file)).startsWith(prefix);
      Path schema = file.getParent().resolve(first.substring(prefix.length())).normalize();
      assertThat(schema).as(ShippedFiles.relative(file)).isEqualTo(ShippedFiles.SCHEMA);
    }
  }
}
