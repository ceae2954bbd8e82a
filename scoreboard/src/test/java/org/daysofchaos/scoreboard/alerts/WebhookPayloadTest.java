package org.daysofchaos.scoreboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {
  static String resource(String name) throws IOException {
    try (InputStream in = WebhookPayloadTest.class.getResourceAsStream("/alerting/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String alert(String alertFields) {
    return "{\"version\": \"4\", \"status\": \"firing\", \"alerts\": [{" + alertFields + "}]}";
  }

  @Test
  void readsAnAlertmanagerVersion4PayloadAndIgnoresWhatDetectionDoesNotNeed() throws IOException {
    WebhookPayload payload = WebhookPayload.parse(resource("webhook-v4.json"));

    assertThat(payload.version()).isEqualTo("4");
    assertThat(payload.status()).isEqualTo("firing");
    assertThat(payload.receiver()).isEqualTo("days-of-chaos");
    assertThat(payload.alerts()).hasSize(2);
    WebhookPayload.Alert firing = payload.alerts().get(0);
    assertThat(firing.firing()).isTrue();
    assertThat(firing.alertname()).isEqualTo("BookingLatencyHigh");
    assertThat(firing.labels()).containsEntry("quantile", "0.99").hasSize(5);
    assertThat(firing.startsAt()).isEqualTo(Instant.parse("2026-12-01T09:00:01.250Z"));
    assertThat(firing.fingerprint()).isEqualTo("5d2b1f0e8c9a7b36");
    assertThat(payload.alerts().get(1).firing()).isFalse();
  }

  @Test
  void goZeroTimeAndAnAbsentStartMeanUnknown() {
    String labels = "\"status\": \"firing\", \"labels\": {\"alertname\": \"A\"}";

    assertThat(
            WebhookPayload.parse(alert(labels + ", \"startsAt\": \"0001-01-01T00:00:00Z\""))
                .alerts()
                .get(0)
                .startsAt())
        .isNull();
    assertThat(WebhookPayload.parse(alert(labels)).alerts().get(0).startsAt()).isNull();
  }

  @Test
  void withoutAFingerprintTheLabelsGiveAStableOne() {
    String a = alert("\"status\": \"firing\", \"labels\": {\"alertname\": \"A\", \"job\": \"x\"}");
    String reordered =
        alert("\"status\": \"firing\", \"labels\": {\"job\": \"x\", \"alertname\": \"A\"}");
    String other =
        alert("\"status\": \"firing\", \"labels\": {\"alertname\": \"A\", \"job\": \"y\"}");

    String fingerprint = WebhookPayload.parse(a).alerts().get(0).fingerprint();

    assertThat(fingerprint)
        .hasSize(16)
        .isEqualTo(WebhookPayload.parse(reordered).alerts().get(0).fingerprint());
    assertThat(WebhookPayload.parse(other).alerts().get(0).fingerprint()).isNotEqualTo(fingerprint);
    assertThat(WebhookPayload.fingerprintOf(Map.of("alertname", "A", "job", "x")))
        .isEqualTo(fingerprint);
  }

  @Test
  void malformedJsonNamesItsLineAndColumn() {
    assertThatThrownBy(
            () -> WebhookPayload.parse("{\n  \"alerts\": [\n    {\"status\": firing}\n]}"))
        .isInstanceOf(WebhookPayload.Malformed.class)
        .hasMessageStartingWith("malformed JSON at line 3, column 22: Unrecognized token 'firing'");
    assertThatThrownBy(() -> WebhookPayload.parse("  "))
        .hasMessage(
            "the body is empty; expected Alertmanager's webhook payload, a JSON object with"
                + " \"alerts\"");
    assertThatThrownBy(() -> WebhookPayload.parse("[]"))
        .hasMessage(
            "expected Alertmanager's webhook payload, a JSON object with \"alerts\", got an"
                + " array");
  }

  @Test
  void aPayloadThatIsNotAlertmanagersNamesTheField() {
    assertThatThrownBy(() -> WebhookPayload.parse("{\"status\": \"firing\"}"))
        .hasMessage("alerts: missing; Alertmanager's webhook payload lists its alerts there");
    assertThatThrownBy(() -> WebhookPayload.parse("{\"alerts\": {}}"))
        .hasMessage("alerts: expected an array, got an object");
    assertThatThrownBy(() -> WebhookPayload.parse("{\"alerts\": [42]}"))
        .hasMessage("alerts[0]: expected an alert object, got the number 42");
    assertThatThrownBy(() -> WebhookPayload.parse(alert("\"status\": \"pending\"")))
        .hasMessage("alerts[0].status: expected firing or resolved, got 'pending'");
    assertThatThrownBy(() -> WebhookPayload.parse(alert("\"status\": \"firing\"")))
        .hasMessage(
            "alerts[0].labels: missing; every alert needs its labels, alertname among them");
    assertThatThrownBy(
            () ->
                WebhookPayload.parse(alert("\"status\": \"firing\", \"labels\": {\"job\": \"x\"}")))
        .hasMessage("alerts[0].labels.alertname: missing; every alert needs its name");
    assertThatThrownBy(
            () ->
                WebhookPayload.parse(
                    alert("\"status\": \"firing\", \"labels\": {\"alertname\": 7}")))
        .hasMessage("alerts[0].labels.alertname: expected a text, got the number 7");
    assertThatThrownBy(
            () ->
                WebhookPayload.parse(
                    alert(
                        "\"status\": \"firing\", \"labels\": {\"alertname\": \"A\"},"
                            + " \"startsAt\": \"yesterday\"")))
        .hasMessage(
            "alerts[0].startsAt: expected an RFC 3339 time such as 2026-12-01T09:00:00.123Z,"
                + " got 'yesterday'");
  }
}
