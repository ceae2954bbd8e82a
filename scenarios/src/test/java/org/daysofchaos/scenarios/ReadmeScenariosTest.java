package org.daysofchaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.experiments.Catalog;
import org.junit.jupiter.api.Test;

/** The scenarios the README and the guides show are valid: a newcomer copies them first. */
class ReadmeScenariosTest {
  private static final Path README = ShippedFiles.MODULE.getParent().resolve("README.md");
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyScenarioInThePrometheusGuideReadsWithoutProblems() throws IOException {
    Path guide = README.resolveSibling("docs").resolve("prometheus.md");
    List<String> scenarios = scenarioBlocks(Files.readString(guide, StandardCharsets.UTF_8));
    assertThat(scenarios).as("scenarios shown in docs/prometheus.md").isNotEmpty();

    ScenarioReader reader = new ScenarioReader(Catalog.standard());
    for (int i = 0; i < scenarios.size(); i++) {
      ReadResult result = reader.read("prometheus.md, YAML block " + (i + 1), scenarios.get(i));
      assertThat(result.problems()).as(result.report()).isEmpty();
    }
  }

  @Test
  void everyScenarioInTheReadmeReadsWithoutProblems() throws IOException {
    List<String> scenarios = scenarioBlocks(Files.readString(README, StandardCharsets.UTF_8));
    assertThat(scenarios).as("scenarios shown in the README").hasSizeGreaterThanOrEqualTo(2);

    ScenarioReader reader = new ScenarioReader(Catalog.standard());
    for (int i = 0; i < scenarios.size(); i++) {
      ReadResult result = reader.read("README.md, YAML block " + (i + 1), scenarios.get(i));
      assertThat(result.problems()).as(result.report()).isEmpty();
    }
  }

  /** The YAML blocks that are scenarios (they start with an id), as a reader would copy them. */
  private static List<String> scenarioBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher block = YAML_BLOCK.matcher(markdown);
    while (block.find()) {
      if (block.group(1).startsWith("id:")) {
        blocks.add(block.group(1));
      }
    }
    return blocks;
  }
}
