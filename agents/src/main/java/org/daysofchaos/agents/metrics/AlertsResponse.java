package org.daysofchaos.agents.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.spi.FiringAlert;

/**
 * Reads the answer of the Prometheus HTTP API's {@code /api/v1/alerts}: every active alert of the
 * server's alerting rules with its labels, its {@code state} ({@code pending} while its rule's
 * {@code for:} has not elapsed, then {@code firing}) and its {@code activeAt}.
 *
 * <p>Only {@code firing} alerts count: a pending one is what Alertmanager is not told about yet,
 * and a game day measures the alerting a team would get. A body that is not such an answer throws:
 * the alerts are then unknown, never "none".
 */
final class AlertsResponse {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertsResponse() {}

  /**
   * The firing alerts of an answer whose {@code alertname} is one of {@code names}.
   *
   * @throws IOException when the body is not a successful answer of the alerts API, or an alert in
   *     it has no name or no readable {@code activeAt}
   */
  static List<FiringAlert> firing(String body, Collection<String> names) throws IOException {
    JsonNode root = read(body);
    if (!"success".equals(root.path("status").asText())) {
      throw new IOException(
          "Prometheus answered with an error: "
              + root.path("errorType").asText("error")
              + ": "
              + root.path("error").asText("(no message)"));
    }
    JsonNode alerts = root.path("data").path("alerts");
    if (!alerts.isArray()) {
      throw new IOException(
          "the answer has no data.alerts list: " + PromQlResponse.abbreviate(body));
    }
    List<FiringAlert> firing = new ArrayList<>();
    for (JsonNode alert : alerts) {
      if (!"firing".equals(alert.path("state").asText())) {
        continue;
      }
      Map<String, String> labels = labels(alert.path("labels"));
      if (names.contains(labels.get("alertname"))) {
        firing.add(new FiringAlert(labels, activeAt(alert, labels.get("alertname"))));
      }
    }
    return firing;
  }

  private static JsonNode read(String body) throws IOException {
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root != null && root.isObject()) {
        return root;
      }
    } catch (IOException e) {
      // Not JSON: said below, with the start of what came instead.
    }
    throw new IOException(
        "the answer is not the JSON of the alerts API: "
            + PromQlResponse.abbreviate(body == null ? "" : body));
  }

  private static Map<String, String> labels(JsonNode node) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      labels.put(label.getKey(), label.getValue().asText());
    }
    return labels;
  }

  private static Instant activeAt(JsonNode alert, String name) throws IOException {
    String text = alert.path("activeAt").asText("");
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IOException(
          "alert " + name + " has no readable activeAt ('" + text + "'), so its moment is unknown",
          e);
    }
  }
}
