package org.daysofchaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.core.testing.SchemaFiles;
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
    SchemaFiles.assertPointAt(ShippedFiles.yaml(), ShippedFiles.SCHEMA);
  }
}
