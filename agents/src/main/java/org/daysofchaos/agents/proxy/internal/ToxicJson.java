package org.daysofchaos.agents.proxy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes toxics in Toxiproxy's JSON shape:
 *
 * <pre>{"name": "latency_downstream", "type": "latency", "stream": "downstream",
 *  "toxicity": 1.0, "attributes": {"latency": 10, "jitter": 0}}</pre>
 *
 * <p>plus our optional top-level {@code "expires_at"} (epoch milliseconds), written only when set.
 * Checks run in Toxiproxy's order so that a request with several faults gets the same answer.
 */
public final class ToxicJson {
  public static final String EXPIRES_AT = "expires_at";

  private ToxicJson() {}

  /** Parses a toxic to create, applying Toxiproxy's defaults. */
  public static Toxic parseNew(JsonNode body, long id, ToxicChain existing, long nowMillis) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("expected a JSON object");
    }
    String stream = optionalString(body, "stream").orElse("downstream");
    String typeName = optionalString(body, "type").orElse("");
    String name = optionalString(body, "name").orElse("");
    float toxicity = optionalFloat(body, "toxicity").orElse(1.0f);
    Direction direction = Direction.parse(stream);
    if (name.isEmpty()) {
      name = typeName + "_" + stream;
    }
    ToxicType type = ToxicType.parse(typeName).orElseThrow(ApiException::invalidToxicType);
    if (existing.find(name).isPresent()) {
      throw ApiException.toxicExists();
    }
    Map<String, Long> attributes = new LinkedHashMap<>();
    for (String attribute : type.attributes()) {
      attributes.put(attribute, 0L);
    }
    readAttributes(body, type, attributes);
    type.validate(attributes);
    Long expiresAt = readExpiry(body, null, nowMillis);
    return new Toxic(id, 0, name, type, direction, toxicity, attributes, expiresAt);
  }

  /**
   * Applies an update: only {@code attributes} (merged into the current ones), {@code toxicity} and
   * {@code expires_at} change, as in Toxiproxy, which ignores name, type and stream here.
   */
  public static Toxic parseUpdate(Toxic current, JsonNode body, long nowMillis) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("expected a JSON object");
    }
    float toxicity = optionalFloat(body, "toxicity").orElse(current.toxicity());
    Map<String, Long> attributes = new LinkedHashMap<>(current.attributes());
    readAttributes(body, current.type(), attributes);
    current.type().validate(attributes);
    Long expiresAt = readExpiry(body, current.expiresAt(), nowMillis);
    return new Toxic(
        current.id(),
        current.revision() + 1,
        current.name(),
        current.type(),
        current.stream(),
        toxicity,
        attributes,
        expiresAt);
  }

  public static ObjectNode write(Toxic toxic) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ObjectNode attributes = node.putObject("attributes");
    toxic.attributes().forEach(attributes::put);
    node.put("name", toxic.name());
    node.put("type", toxic.type().json());
    node.put("stream", toxic.stream().json());
    node.put("toxicity", toxic.toxicity());
    if (toxic.expiresAt() != null) {
      node.put(EXPIRES_AT, toxic.expiresAt());
    }
    return node;
  }

  private static void readAttributes(JsonNode body, ToxicType type, Map<String, Long> into) {
    JsonNode attributes = body.get("attributes");
    if (attributes == null || attributes.isNull()) {
      return;
    }
    if (!attributes.isObject()) {
      throw ApiException.badRequest("attributes must be an object");
    }
    for (String attribute : type.attributes()) {
      JsonNode value = attributes.get(attribute);
      if (value == null || value.isNull()) {
        continue;
      }
      if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
        throw ApiException.badRequest(
            "attribute " + attribute + " of " + type.json() + " must be an integer");
      }
      long v = value.longValue();
      if (v < 0) {
        throw ApiException.badRequest(
            "attribute " + attribute + " of " + type.json() + " must not be negative");
      }
      into.put(attribute, v);
    }
  }

  private static Long readExpiry(JsonNode body, Long current, long nowMillis) {
    if (!body.has(EXPIRES_AT)) {
      return current;
    }
    JsonNode value = body.get(EXPIRES_AT);
    if (value.isNull()) {
      return null;
    }
    if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
      throw ApiException.badRequest(EXPIRES_AT + " must be epoch milliseconds");
    }
    long at = value.longValue();
    if (at <= nowMillis) {
      throw ApiException.badRequest(EXPIRES_AT + " is in the past");
    }
    return at;
  }

  static Optional<String> optionalString(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ApiException.badRequest(field + " must be a string");
    }
    return Optional.of(value.textValue());
  }

  static Optional<Boolean> optionalBoolean(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw ApiException.badRequest(field + " must be a boolean");
    }
    return Optional.of(value.booleanValue());
  }

  private static Optional<Float> optionalFloat(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      throw ApiException.badRequest(field + " must be a number");
    }
    return Optional.of(value.floatValue());
  }
}
