package org.daysofchaos.scoreboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Monitoring detection with the real Prometheus and Alertmanager (Debian packages): Prometheus
 * scrapes the demo pre-production, its rule {@code BookingLatencyHigh} fires while the demo
 * scenario payment-latency runs, Alertmanager calls the webhook of the server under test, and the
 * incident's first alert is recorded between the injection and the end of the fault.
 *
 * <p>Runs on the server tests' Quarkus configuration ({@link DemoTargets}). Without the binaries it
 * is skipped, except in CI (CI=true), where it fails. {@code -Dchaos.alerting.samples=N} repeats
 * the incident N times and prints the latency figures of docs/alerting.md.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class PrometheusAlertingIT {
  /** Scrape and rule evaluation interval of the test's Prometheus. */
  static final Duration INTERVAL = Duration.ofMillis(250);

  private static AlertingStack stack;

  @TestHTTPResource("/")
  URI base;

  @ConfigProperty(name = "chaos.targets.metrics")
  String demoMetrics;

  private Http api;

  /**
   * The Bearer token Alertmanager sends: the token of an alert sender the game master registers,
   * for no team, so its alerts count for the incident only (a team's Alertmanager is registered
   * with its game day and team).
   */
  private String alertToken() {
    Http.Answer sender =
        api.postJson("/api/alerts/senders", "{\"name\": \"prometheus-alerting-it\"}");
    assertThat(sender.status()).as(sender.body()).isEqualTo(201);
    return sender.json().get("token").asText();
  }

  @BeforeEach
  void startPrometheusAndAlertmanager() throws IOException {
    api = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    if (stack == null) {
      AlertingStack.requireBinaries();
      stack =
          AlertingStack.start(
              URI.create(demoMetrics), base.resolve("/api/alerts"), alertToken(), INTERVAL);
    }
  }

  @AfterAll
  static void stopPrometheusAndAlertmanager() {
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }

  @Test
  void anAlertRuleFiringDuringTheIncidentIsItsMonitoringDetectionBeforeTheFaultEnds() {
    int samples = Integer.getInteger("chaos.alerting.samples", 1);
    List<Sample> measured = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      measured.add(runPaymentLatency());
    }
    if (samples > 1) {
      report(measured);
    }
  }

  /** One incident of demo/payment-latency, from firing to closing, with its figures. */
  private Sample runPaymentLatency() {
    Http.Answer fired = api.postJson("/api/incidents", "{\"scenario\": \"demo/payment-latency\"}");
    assertThat(fired.status()).as(fired.body()).isEqualTo(201);
    String id = fired.json().get("id").asText();

    JsonNode first =
        await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> api.getJson("/api/alerts?incident=" + id).get("first"), f -> !f.isNull());
    // The run's own probe samples every chaos.run.interval and may see the crossing after the
    // alert arrived (a busy machine delays either): end the fault once both have seen it.
    await("the run's own signal")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> hasEvent(incident(id), "DETECTED"));
    assertThat(api.post("/api/incidents/" + id + "/end", "", "text/plain").status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> incident(id).get("incident").get("state").asText().equals("CLOSED"));

    JsonNode detail = incident(id);
    JsonNode incident = detail.get("incident");
    Instant injected = Instant.parse(incident.get("injectedAt").asText());
    Instant faultEnded = Instant.parse(incident.get("faultEndedAt").asText());
    Instant received = Instant.parse(first.get("at").asText());
    Instant startsAt = Instant.parse(first.get("startsAt").asText());
    assertThat(first.get("alertname").asText()).isEqualTo("BookingLatencyHigh");
    assertThat(first.get("team").isNull()).as("a game master's alert is no team's").isTrue();
    assertThat(first.get("afterInjectionMillis").asLong())
        .isEqualTo(Duration.between(injected, received).toMillis());
    assertThat(received).isAfter(injected).isBefore(faultEnded);
    // Prometheus saw it firing after the fault took effect, and before the webhook heard of it.
    assertThat(startsAt).isAfter(injected).isBeforeOrEqualTo(received);
    List<JsonNode> journal =
        StreamSupport.stream(detail.get("journal").spliterator(), false).toList();
    JsonNode alertEvent =
        journal.stream()
            .filter(e -> e.get("type").asText().equals("ALERT_RECEIVED"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no ALERT_RECEIVED in " + journal));
    assertThat(alertEvent.get("data").get("alertname").asText()).isEqualTo("BookingLatencyHigh");
    assertThat(Instant.parse(alertEvent.get("at").asText())).isEqualTo(received);
    Instant crossed =
        journal.stream()
            .filter(e -> e.get("type").asText().equals("DETECTED"))
            .map(e -> Instant.parse(e.get("at").asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the run's own signal did not detect it"));
    return new Sample(injected, crossed, startsAt, received);
  }

  private static boolean hasEvent(JsonNode detail, String type) {
    return StreamSupport.stream(detail.get("journal").spliterator(), false)
        .anyMatch(e -> e.get("type").asText().equals(type));
  }

  private JsonNode incident(String id) {
    return api.getJson("/api/incidents/" + id);
  }

  /**
   * The times of one detection.
   *
   * @param crossed when the run's own probe (every chaos.run.interval) saw the p99 above 0.5 s
   */
  record Sample(Instant injected, Instant crossed, Instant startsAt, Instant received) {}

  private static void report(List<Sample> samples) {
    StringBuilder sb = new StringBuilder("alerting latency, ms (n=" + samples.size() + ")\n");
    for (Sample s : samples) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  sample: injection->webhook %d, crossing->startsAt %d, startsAt->webhook %d%n",
              between(s.injected(), s.received()),
              between(s.crossed(), s.startsAt()),
              between(s.startsAt(), s.received())));
    }
    sb.append(line("injection -> webhook", samples, s -> between(s.injected(), s.received())));
    sb.append(line("probe crossing -> webhook", samples, s -> between(s.crossed(), s.received())));
    sb.append(line("probe crossing -> startsAt", samples, s -> between(s.crossed(), s.startsAt())));
    sb.append(line("startsAt -> webhook", samples, s -> between(s.startsAt(), s.received())));
    System.out.print(sb);
  }

  private static long between(Instant from, Instant to) {
    return Duration.between(from, to).toMillis();
  }

  private static String line(
      String name, List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
    long[] values = samples.stream().mapToLong(f).sorted().toArray();
    return String.format(
        Locale.ROOT,
        "  %-28s min %5d  median %5d  p90 %5d  max %5d%n",
        name,
        values[0],
        values[values.length / 2],
        values[Math.min(values.length - 1, (int) Math.ceil(values.length * 0.9) - 1)],
        values[values.length - 1]);
  }
}
