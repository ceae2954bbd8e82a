package org.daysofchaos.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.daysofchaos.core.Scenario;
import org.junit.jupiter.api.Test;

class ScenarioTextTest {
  private static final String YAML =
      """
      id: junit/example
      title: An example
      duration: 1s
      targets:
        link: { proxy: dependency }
      faults:
        - kind: network/down
          target: link
      steadyState:
        - kind: http/status
          url: http://${service}/health
      """;

  @Test
  void variablesAreReplacedBeforeTheScenarioIsRead() {
    String text = ScenarioText.expand("s.yaml", YAML, Map.of("service", "127.0.0.1:4711"));
    Scenario scenario = ScenarioText.read("s.yaml", text);

    assertThat(scenario.id()).isEqualTo("junit/example");
    assertThat(scenario.steadyState().get(0).describe()).contains("http://127.0.0.1:4711/health");
  }

  @Test
  void anUnknownVariableIsNamedWithItsLine() {
    assertThatThrownBy(() -> ScenarioText.expand("s.yaml", YAML, Map.of("other", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s.yaml:11: no value for ${service}")
        .hasMessageContaining("known: other");
  }

  @Test
  void aSystemPropertyIsTheFallback() {
    System.setProperty("chaos.test.service", "127.0.0.1:1");
    try {
      assertThat(ScenarioText.expand("s.yaml", "url: ${chaos.test.service}", Map.of()))
          .isEqualTo("url: 127.0.0.1:1");
    } finally {
      System.clearProperty("chaos.test.service");
    }
  }

  @Test
  void anInvalidScenarioIsReportedWithFileLineAndColumn() {
    assertThatThrownBy(() -> ScenarioText.read("bad.yaml", "id: junit/bad\ntitle: Bad\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.yaml:");
  }

  @Test
  void theUpstreamOfAnAnnotationTakesSystemProperties() {
    System.setProperty("chaos.test.port", "9090");
    try {
      assertThat(ChaosExtension.expand("127.0.0.1:${chaos.test.port}")).isEqualTo("127.0.0.1:9090");
    } finally {
      System.clearProperty("chaos.test.port");
    }
    assertThatThrownBy(() -> ChaosExtension.expand("127.0.0.1:${chaos.test.none}"))
        .hasMessageContaining("no system property chaos.test.none");
  }
}
