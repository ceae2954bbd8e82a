package org.daysofchaos.scoreboard.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps of strings to and from the JSON text columns (revert records, journal details). */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

  private Json() {}

  static String write(Map<String, String> map) {
    try {
      return MAPPER.writeValueAsString(map == null ? Map.of() : map);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + map + " as JSON", e);
    }
  }

  static Map<String, String> read(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return MAPPER.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON map of strings: " + json, e);
    }
  }
}
