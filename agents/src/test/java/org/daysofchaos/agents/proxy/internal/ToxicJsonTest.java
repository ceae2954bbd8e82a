package org.daysofchaos.agents.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ToxicJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long NOW = 1_000_000;

  @Test
  void appliesToxiproxyDefaults() {
    Toxic toxic = parse("{\"type\": \"latency\"}");

    assertThat(toxic.name()).isEqualTo("latency_downstream");
    assertThat(toxic.stream()).isEqualTo(Direction.DOWNSTREAM);
    assertThat(toxic.toxicity()).isEqualTo(1.0f);
    assertThat(toxic.attributes())
        .containsExactly(java.util.Map.entry("latency", 0L), java.util.Map.entry("jitter", 0L));
    assertThat(toxic.expiresAt()).isNull();
  }

  @Test
  void defaultNameFollowsTheStream() {
    assertThat(parse("{\"type\": \"timeout\", \"stream\": \"upstream\"}").name())
        .isEqualTo("timeout_upstream");
  }

  @Test
  void writesToxiproxysShape() {
    Toxic toxic =
        parse(
            "{\"name\": \"t\", \"type\": \"bandwidth\", \"stream\": \"upstream\","
                + " \"toxicity\": 0.5, \"attributes\": {\"rate\": 100}}");

    JsonNode json = ToxicJson.write(toxic);

    assertThat(json.toString())
        .isEqualTo(
            "{\"attributes\":{\"rate\":100},\"name\":\"t\",\"type\":\"bandwidth\","
                + "\"stream\":\"upstream\",\"toxicity\":0.5}");
  }

  @Test
  void refusesAnUnknownTypeAnInvalidStreamAndBadAttributes() {
    assertStatus("{\"type\": \"teleport\"}", 400, "invalid toxic type");
    assertStatus("{\"type\": \"latency\", \"stream\": \"sideways\"}", 400, "stream was invalid");
    assertStatus(
        "{\"type\": \"latency\", \"attributes\": {\"latency\": \"x\"}}", 400, "must be an integer");
    assertStatus(
        "{\"type\": \"latency\", \"attributes\": {\"latency\": 1.5}}", 400, "must be an integer");
    assertStatus(
        "{\"type\": \"latency\", \"attributes\": {\"latency\": -1}}", 400, "must not be negative");
    assertStatus(
        "{\"type\": \"slicer\", \"attributes\": {\"average_size\": 0}}", 400, "average_size");
    assertStatus("[]", 400, "bad request body");
  }

  @Test
  void refusesADuplicateName() {
    ToxicChain chain = ToxicChain.EMPTY.add(parse("{\"type\": \"latency\"}"));

    assertThatThrownBy(() -> ToxicJson.parseNew(json("{\"type\": \"latency\"}"), 2, chain, NOW))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void ignoresUnknownAttributesAsToxiproxyDoes() {
    assertThat(
            parse("{\"type\": \"timeout\", \"attributes\": {\"timeout\": 5, \"colour\": 1}}")
                .attributes())
        .containsOnlyKeys("timeout");
  }

  @Test
  void anUpdateMergesAttributesAndKeepsIdentity() {
    Toxic toxic =
        parse("{\"type\": \"latency\", \"attributes\": {\"latency\": 100, \"jitter\": 5}}");

    Toxic updated =
        ToxicJson.parseUpdate(
            toxic,
            json("{\"attributes\": {\"latency\": 20}, \"toxicity\": 0.25, \"type\": \"timeout\"}"),
            NOW);

    assertThat(updated.id()).isEqualTo(toxic.id());
    assertThat(updated.revision()).isEqualTo(toxic.revision() + 1);
    assertThat(updated.type()).isEqualTo(ToxicType.LATENCY);
    assertThat(updated.attr("latency")).isEqualTo(20);
    assertThat(updated.attr("jitter")).isEqualTo(5);
    assertThat(updated.toxicity()).isEqualTo(0.25f);
  }

  @Test
  void readsSetsAndClearsTheExpiry() {
    Toxic toxic = parse("{\"type\": \"latency\", \"expires_at\": " + (NOW + 500) + "}");
    assertThat(toxic.expiresAt()).isEqualTo(NOW + 500);
    assertThat(ToxicJson.write(toxic).get("expires_at").asLong()).isEqualTo(NOW + 500);

    assertThat(ToxicJson.parseUpdate(toxic, json("{\"toxicity\": 1}"), NOW).expiresAt())
        .isEqualTo(NOW + 500);
    assertThat(ToxicJson.parseUpdate(toxic, json("{\"expires_at\": null}"), NOW).expiresAt())
        .isNull();
    assertStatus("{\"type\": \"latency\", \"expires_at\": " + NOW + "}", 400, "in the past");
    assertStatus(
        "{\"type\": \"latency\", \"expires_at\": \"tomorrow\"}", 400, "epoch milliseconds");
  }

  private static Toxic parse(String body) {
    return ToxicJson.parseNew(json(body), 1, ToxicChain.EMPTY, NOW);
  }

  private static void assertStatus(String body, int status, String message) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(status))
        .hasMessageContaining(message);
  }

  private static JsonNode json(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
