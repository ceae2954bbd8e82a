package org.daysofchaos.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioSchemaTest {
  private static final String SCHEMA = ScenarioSchema.generate(TestKinds.catalog());

  private static JsonNode json() throws Exception {
    return new ObjectMapper().readTree(SCHEMA);
  }

  private static JsonNode branch(JsonNode schema, String family, String kind) {
    for (JsonNode b : schema.at("/$defs/" + family + "/allOf")) {
      if (b.at("/if/properties/kind/const").asText().equals(kind)) {
        return b.get("then");
      }
    }
    throw new AssertionError("no branch for " + kind);
  }

  @Test
  void isADraft202012SchemaOfTheTopLevelKeys() throws Exception {
    JsonNode schema = json();

    assertThat(schema.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    List<String> keys = new ArrayList<>();
    schema.get("properties").fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "id",
            "title",
            "description",
            "weight",
            "mode",
            "duration",
            "maxDuration",
            "targets",
            "faults",
            "steadyState",
            "detection",
            "recovery",
            "diagnosis",
            "hints",
            "guardrails",
            "parameters");
    assertThat(schema.get("required").toString())
        .isEqualTo("[\"id\",\"title\",\"targets\",\"faults\",\"steadyState\"]");
    assertThat(schema.at("/properties/weight/minimum").asInt()).isEqualTo(1);
    assertThat(schema.at("/properties/weight/maximum").asInt()).isEqualTo(10);
    assertThat(schema.at("/properties/mode/enum").toString())
        .isEqualTo("[\"time-boxed\",\"until-fixed\"]");
    assertThat(schema.at("/properties/maxDuration/default").asText()).isEqualTo("20m");
    assertThat(schema.at("/$defs/duration/pattern").asText())
        .isEqualTo("(?:^(?:[0-9]+(?:ms|s|m|h))+$)|\\$\\{");
  }

  @Test
  void hasOneBranchPerKindWithTypesEnumsDefaultsRangesAndDocs() throws Exception {
    JsonNode schema = json();

    assertThat(schema.at("/$defs/fault/properties/kind/enum").toString())
        .isEqualTo("[\"net/delay\",\"proc/stop\",\"any/label\"]");
    assertThat(schema.at("/$defs/probe/properties/kind/enum").toString())
        .isEqualTo("[\"gauge/level\",\"web/ok\"]");
    JsonNode delay = branch(schema, "fault", "net/delay");
    assertThat(delay.get("description").asText()).isEqualTo("Delays the data through a proxy.");
    assertThat(delay.get("required").toString()).isEqualTo("[\"kind\",\"target\",\"delay\"]");
    assertThat(delay.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(delay.at("/properties/kind/const").asText()).isEqualTo("net/delay");
    assertThat(delay.at("/properties/delay/$ref").asText()).isEqualTo("#/$defs/duration");
    assertThat(delay.at("/properties/delay/description").asText())
        .isEqualTo("How long each chunk waits.");
    assertThat(delay.at("/properties/spread/default").asText()).isEqualTo("0ms");
    assertThat(delay.at("/properties/way/enum").toString())
        .isEqualTo("[\"forward\",\"backward-only\"]");
    assertThat(delay.at("/properties/way/default").asText()).isEqualTo("forward");
    assertThat(delay.at("/properties/share/type").asText()).isEqualTo("number");
    assertThat(delay.at("/properties/share/minimum").asInt()).isZero();
    assertThat(delay.at("/properties/share/maximum").asInt()).isEqualTo(1);
    assertThat(delay.at("/properties/share/default").asDouble()).isEqualTo(1.0);
    JsonNode stop = branch(schema, "fault", "proc/stop");
    assertThat(stop.at("/properties/times/type").asText()).isEqualTo("integer");
    assertThat(stop.at("/properties/times/default").asInt()).isEqualTo(3);
    assertThat(stop.at("/properties/hard/default").asBoolean(true)).isFalse();
    JsonNode label = branch(schema, "fault", "any/label");
    assertThat(label.at("/properties/labels/type").asText()).isEqualTo("array");
    assertThat(label.at("/properties/labels/items/type").asText()).isEqualTo("string");
    assertThat(label.at("/properties/limit/default").isMissingNode()).isTrue();
    assertThat(label.get("required").toString()).isEqualTo("[\"kind\",\"target\"]");
    JsonNode level = branch(schema, "probe", "gauge/level");
    assertThat(level.get("required").toString()).isEqualTo("[\"kind\",\"query\"]");
  }

  @Test
  void isStablePrettyPrintedJsonEndingWithANewline() {
    assertThat(ScenarioSchema.generate(TestKinds.catalog())).isEqualTo(SCHEMA);
    assertThat(SCHEMA).startsWith("{\n  \"$schema\": ").endsWith("}\n").doesNotContain("\r");
  }
}
