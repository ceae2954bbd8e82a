package org.daysofchaos.core.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.daysofchaos.core.scenario.ScenarioSchema;
import org.daysofchaos.core.spec.KindCatalog;
import org.junit.jupiter.api.Test;

class GameDaySchemaTest {
  private static final KindCatalog CATALOG = KindCatalog.of(GameDayGuardrailsTest.WebOk.class);
  private static final String SCHEMA = GameDaySchema.generate(CATALOG);

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void isADraft202012SchemaOfTheTopLevelKeys() throws Exception {
    JsonNode schema = json(SCHEMA);

    assertThat(schema.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.get("title").asText()).isEqualTo("Days of Chaos game day");
    assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    List<String> keys = new ArrayList<>();
    schema.get("properties").fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "id",
            "name",
            "description",
            "window",
            "teams",
            "scenarios",
            "guardrails",
            "blind",
            "notifications");
    assertThat(schema.get("required").toString())
        .isEqualTo("[\"id\",\"name\",\"window\",\"teams\",\"scenarios\"]");
    assertThat(schema.at("/properties/id/pattern").asText()).isEqualTo(GameDayLanguage.ID_PATTERN);
    assertThat(schema.at("/properties/teams/minItems").asInt()).isEqualTo(1);
  }

  @Test
  void saysTheRulesAcrossKeysThatJsonSchemaCanSay() throws Exception {
    JsonNode schema = json(SCHEMA);

    assertThat(schema.at("/properties/window/oneOf").toString())
        .isEqualTo("[{\"required\":[\"lasts\"]},{\"required\":[\"closes\"]}]");
    assertThat(schema.at("/properties/window/dependentRequired/closes").toString())
        .isEqualTo("[\"opens\"]");
    assertThat(schema.at("/properties/scenarios/items/oneOf").size()).isEqualTo(3);
    assertThat(schema.at("/properties/scenarios/items/properties/at/$ref").asText())
        .isEqualTo("#/$defs/moment");
    assertThat(schema.at("/properties/scenarios/items/properties/between/maxItems").asInt())
        .isEqualTo(2);
  }

  @Test
  void guardrailsHaveTheScenarioSchemaOfGuardrailsAndProbes() throws Exception {
    JsonNode gameDay = json(SCHEMA);
    // Game days have no parameters: their patterns are the scenario's without ${ placeholders.
    JsonNode scenario =
        json(
            ScenarioSchema.generate(CATALOG)
                .replaceAll("\"\\(\\?:(.*)\\)\\|\\\\\\\\\\$\\\\\\\\\\{\"", "\"$1\""));

    assertThat(gameDay.at("/properties/guardrails"))
        .isEqualTo(scenario.at("/properties/guardrails"));
    assertThat(gameDay.at("/$defs/probe")).isEqualTo(scenario.at("/$defs/probe"));
    assertThat(gameDay.at("/$defs/duration")).isEqualTo(scenario.at("/$defs/duration"));
  }

  @Test
  void isStablePrettyPrintedJsonEndingWithANewline() {
    assertThat(GameDaySchema.generate(CATALOG)).isEqualTo(SCHEMA);
    assertThat(SCHEMA).startsWith("{\n  \"$schema\": ").endsWith("}\n").doesNotContain("\r");
  }
}
