package org.daysofchaos.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every tolerance form, as Chaos Toolkit judges it. */
class ToleranceTest {
  private static final Map<String, Object> HTTP =
      Map.of(
          "status",
          200,
          "headers",
          Map.of(),
          "body",
          "{\"pods\": [{\"phase\": \"Running\"}, {\"phase\": \"Pending\"}], \"ms\": 42}");

  private static Tolerance tolerance(String yaml) {
    Experiment e =
        ExperimentReaderTest.read(
            """
            title: t
            steady-state-hypothesis:
              title: h
              probes:
                - type: probe
                  name: p
                  provider: {type: process, path: "true"}
                  tolerance: %s
            method: []
            """
                .formatted(yaml));
    return e.hypothesis().orElseThrow().probes().get(0).tolerance().orElseThrow();
  }

  private static boolean accepts(String yaml, Object output) {
    return tolerance(yaml).accepts(output, (probe, value) -> value.equals(42L) || value.equals(42));
  }

  @Test
  void aValueIsEqualAndANumberIsTheStatus() {
    assertThat(accepts("200", HTTP)).isTrue();
    assertThat(accepts("500", HTTP)).isFalse();
    assertThat(accepts("true", true)).isTrue();
    assertThat(accepts("true", false)).isFalse();
    assertThat(accepts("ok", "ok")).isTrue();
    assertThat(accepts("3", 3.0)).isTrue();
  }

  @Test
  void aListIsAStatusSetARangeOfTwoOrAValueSet() {
    assertThat(accepts("[200, 204]", HTTP)).isTrue();
    assertThat(accepts("[500, 503]", HTTP)).isFalse();
    assertThat(accepts("[1, 10]", 5)).isTrue();
    assertThat(accepts("[1, 10]", 11)).isFalse();
    assertThat(accepts("[a, b, c]", "b")).isTrue();
  }

  @Test
  void rangeRegexAndJsonpathMayPickATarget() {
    assertThat(accepts("{type: range, range: [0, 0.5]}", 0.25)).isTrue();
    assertThat(accepts("{type: range, range: [0, 0.5]}", "0.75")).isFalse();
    assertThat(accepts("{type: range, range: [199, 299], target: status}", HTTP)).isTrue();
    assertThat(accepts("{type: regex, pattern: 'Run+ing', target: body}", HTTP)).isTrue();
    assertThat(accepts("{type: regex, pattern: '^down'}", "up and running")).isFalse();
    assertThat(accepts("{type: jsonpath, path: '$.pods[*].phase', target: body}", HTTP)).isTrue();
    assertThat(accepts("{type: jsonpath, path: '$.pods[*]', count: 2, target: body}", HTTP))
        .isTrue();
    assertThat(
            accepts(
                "{type: jsonpath, path: '$.pods[?(@.phase = \"Running\")]', count: 1, target: body}",
                HTTP))
        .isTrue();
    assertThat(accepts("{type: jsonpath, path: '$.ms', expect: 42, target: body}", HTTP)).isTrue();
    Map<String, Object> prometheus =
        Map.of(
            "data",
            Map.of(
                "result",
                List.of(Map.of("value", List.of(1, "0")), Map.of("value", List.of(1, "3")))));
    assertThat(
            accepts(
                "{type: jsonpath, path: '$.data.result.*[?(@.value[1]!=\"0\")]', count: 1}",
                prometheus))
        .isTrue();
    assertThat(
            accepts(
                "{type: jsonpath, path: '$.data.result.*[?(@.value[1]!=\"0\")]', count: 0}",
                prometheus))
        .isFalse();
    assertThat(
            accepts(
                "{type: jsonpath, path: '$..phase', expect: [Running, Running], target: body}",
                HTTP))
        .isFalse();
  }

  @Test
  void aProbeAsToleranceIsGivenTheValue() {
    String probe = "{type: probe, name: check, provider: {type: process, path: \"true\"}}";
    assertThat(accepts(probe, 42L)).isTrue();
    assertThat(accepts(probe, 7L)).isFalse();
    assertThat(tolerance(probe).describe()).isEqualTo("probe process true");
    assertThat(List.of(tolerance("[1, 2]").describe())).containsExactly("in [1, 2]");
  }
}
