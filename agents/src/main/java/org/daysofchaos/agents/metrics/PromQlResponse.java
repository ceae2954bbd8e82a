package org.daysofchaos.agents.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.spi.MetricSample;

/**
 * Reads the answer of the Prometheus HTTP API to an instant query ({@code /api/v1/query}): the
 * series of a {@code vector}, the value of a {@code scalar}; a range vector, a string or {@code
 * status: error} are refused with what Prometheus said.
 */
final class PromQlResponse {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PromQlResponse() {}

  /**
   * The samples of a successful answer.
   *
   * @param query the query, for the messages
   * @throws IllegalArgumentException when Prometheus refused the query or it does not return
   *     numbers
   * @throws IOException when the body is not an answer of the Prometheus API
   */
  static List<MetricSample> samples(String query, String body) throws IOException {
    JsonNode root = read(body).orElseThrow(() -> new IOException("the answer is not JSON"));
    refuseError(query, root);
    JsonNode data = root.path("data");
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    return switch (type) {
      case "vector" -> vector(result);
      case "scalar" -> List.of(MetricSample.of(value(result)));
      case "matrix" ->
          throw new IllegalArgumentException(
              "'"
                  + query
                  + "' returns a range vector; wrap it in a function such as rate(...) to get one"
                  + " value per series");
      case "string" ->
          throw new IllegalArgumentException("'" + query + "' returns a string, not a number");
      default -> throw new IOException("the answer has no result type: " + abbreviate(body));
    };
  }

  /** The error Prometheus gave in a body, if it is one: "bad_data: 1:6: parse error: ...". */
  static Optional<String> error(String body) {
    return read(body)
        .filter(root -> "error".equals(root.path("status").asText()))
        .map(root -> root.path("errorType").asText("error") + ": " + root.path("error").asText());
  }

  private static void refuseError(String query, JsonNode root) {
    if (!"success".equals(root.path("status").asText())) {
      throw new IllegalArgumentException(
          "Prometheus refused '"
              + query
              + "': "
              + root.path("errorType").asText("error")
              + ": "
              + root.path("error").asText("(no message)"));
    }
  }

  private static List<MetricSample> vector(JsonNode result) throws IOException {
    List<MetricSample> samples = new ArrayList<>();
    for (JsonNode series : result) {
      Map<String, String> labels = new LinkedHashMap<>();
      series
          .path("metric")
          .fields()
          .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      samples.add(new MetricSample(labels, value(series.path("value"))));
    }
    return samples;
  }

  /** A {@code [time, "value"]} pair's value. */
  private static double value(JsonNode pair) throws IOException {
    JsonNode value = pair.path(1);
    if (!value.isTextual()) {
      throw new IOException("a sample is not [time, \"value\"]: " + pair);
    }
    try {
      return PrometheusText.parseValue(value.asText());
    } catch (NumberFormatException e) {
      throw new IOException("a sample value is not a number: " + value, e);
    }
  }

  private static Optional<JsonNode> read(String body) {
    try {
      JsonNode root = MAPPER.readTree(body);
      return root != null && root.isObject() ? Optional.of(root) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static String abbreviate(String body) {
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
