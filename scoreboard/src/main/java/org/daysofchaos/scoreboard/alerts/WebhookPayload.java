package org.daysofchaos.scoreboard.alerts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of an Alertmanager webhook call (payload version 4), reduced to what detection needs.
 * Other fields ({@code groupKey}, {@code annotations}, {@code generatorURL}, …) are accepted and
 * ignored, so any sender that speaks the same format works.
 *
 * @param status {@code firing} or {@code resolved}: the group's status, not each alert's
 */
public record WebhookPayload(String version, String status, String receiver, List<Alert> alerts) {
  /** The longest alert name the store keeps (its column). */
  static final int MAX_NAME = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Go's zero time: what Alertmanager sends for a time it does not know. */
  private static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

  public WebhookPayload {
    alerts = List.copyOf(alerts);
  }

  /**
   * One alert of the payload.
   *
   * @param labels its labels, {@code alertname} among them
   * @param startsAt when Prometheus first saw it firing; null when the sender did not say
   * @param fingerprint Alertmanager's identity of the alert (a hash of its labels); computed from
   *     the labels when the sender gives none
   */
  public record Alert(
      String status, Map<String, String> labels, Instant startsAt, String fingerprint) {
    public Alert {
      labels = Map.copyOf(labels);
    }

    public String alertname() {
      return labels.get("alertname");
    }

    public boolean firing() {
      return "firing".equals(status);
    }
  }

  /** A body that is not an Alertmanager webhook payload; the message says where and why. */
  public static final class Malformed extends IllegalArgumentException {
    Malformed(String message) {
      super(message);
    }
  }

  /**
   * Reads a webhook body.
   *
   * @throws Malformed with a message that names the field (or the line and column of bad JSON)
   */
  public static WebhookPayload parse(String body) {
    if (body == null || body.isBlank()) {
      throw new Malformed(
          "the body is empty; expected Alertmanager's webhook payload, a JSON object with"
              + " \"alerts\"");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new Malformed(
          "malformed JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + ": "
              + firstLine(e.getOriginalMessage()));
    }
    if (!root.isObject()) {
      throw new Malformed(
          "expected Alertmanager's webhook payload, a JSON object with \"alerts\", got "
              + kind(root));
    }
    JsonNode alerts = root.get("alerts");
    if (alerts == null || alerts.isNull()) {
      throw new Malformed("alerts: missing; Alertmanager's webhook payload lists its alerts there");
    }
    if (!alerts.isArray()) {
      throw new Malformed("alerts: expected an array, got " + kind(alerts));
    }
    List<Alert> parsed = new ArrayList<>(alerts.size());
    for (int i = 0; i < alerts.size(); i++) {
      parsed.add(alert(alerts.get(i), "alerts[" + i + "]"));
    }
    return new WebhookPayload(
        optionalText(root, "version", "version"),
        optionalText(root, "status", "status"),
        optionalText(root, "receiver", "receiver"),
        parsed);
  }

  private static Alert alert(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new Malformed(path + ": expected an alert object, got " + kind(node));
    }
    String status = optionalText(node, "status", path + ".status");
    if (!"firing".equals(status) && !"resolved".equals(status)) {
      throw new Malformed(
          path
              + ".status: expected firing or resolved, got "
              + (status == null ? "nothing" : "'" + status + "'"));
    }
    Map<String, String> labels = labels(node.get("labels"), path + ".labels");
    String name = labels.get("alertname");
    if (name == null || name.isBlank()) {
      throw new Malformed(path + ".labels.alertname: missing; every alert needs its name");
    }
    if (name.length() > MAX_NAME) {
      throw new Malformed(
          path + ".labels.alertname: longer than " + MAX_NAME + " characters: " + cut(name));
    }
    String fingerprint = optionalText(node, "fingerprint", path + ".fingerprint");
    if (fingerprint == null || fingerprint.isBlank()) {
      fingerprint = fingerprintOf(labels);
    } else if (fingerprint.length() > 64) {
      throw new Malformed(path + ".fingerprint: longer than 64 characters: " + cut(fingerprint));
    }
    return new Alert(status, labels, time(node, "startsAt", path + ".startsAt"), fingerprint);
  }

  private static Map<String, String> labels(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      throw new Malformed(path + ": missing; every alert needs its labels, alertname among them");
    }
    if (!node.isObject()) {
      throw new Malformed(path + ": expected an object of texts, got " + kind(node));
    }
    Map<String, String> labels = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      if (!label.getValue().isTextual()) {
        throw new Malformed(
            path + "." + label.getKey() + ": expected a text, got " + kind(label.getValue()));
      }
      labels.put(label.getKey(), label.getValue().asText());
    }
    return labels;
  }

  private static Instant time(JsonNode alert, String field, String path) {
    String text = optionalText(alert, field, path);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      Instant at = OffsetDateTime.parse(text).toInstant();
      return at.equals(GO_ZERO) ? null : at;
    } catch (DateTimeParseException e) {
      throw new Malformed(
          path
              + ": expected an RFC 3339 time such as 2026-12-01T09:00:00.123Z, got '"
              + cut(text)
              + "'");
    }
  }

  private static String optionalText(JsonNode object, String field, String path) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new Malformed(path + ": expected a text, got " + kind(value));
    }
    return value.asText();
  }

  /** Stable across calls, like Alertmanager's own: the same labels give the same fingerprint. */
  static String fingerprintOf(Map<String, String> labels) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(labels).forEach((k, v) -> sb.append(k).append('\u0000').append(v).append('\n'));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isNumber()) {
      return "the number " + node.asText();
    }
    if (node.isBoolean()) {
      return node.asText();
    }
    if (node.isNull()) {
      return "null";
    }
    return "'" + cut(node.asText()) + "'";
  }

  private static String cut(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "cannot be read";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
