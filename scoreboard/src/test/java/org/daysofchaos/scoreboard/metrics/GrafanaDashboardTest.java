package org.daysofchaos.scoreboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daysofchaos.core.journal.RecoveryTime;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.daysofchaos.scoreboard.server.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The game master's Grafana dashboard ({@code deploy/grafana/days-of-chaos.json}) shows only
 * metrics the server exports: every {@code chaos_*} name its queries use is on {@code /q/metrics}
 * once an incident has run, and chaos_fault_active names the incident and nothing else.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class GrafanaDashboardTest {
  static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "days-of-chaos.json");
  static final String SCENARIO = "test/grafana-gentle";
  static final Pattern METRIC = Pattern.compile("\\bchaos_[a-z0-9_]+");

  @TestHTTPResource("/")
  URI base;

  @Inject ChaosMetrics metrics;

  @Test
  void everyMetricOfTheDashboardIsOnTheServersMetrics() throws Exception {
    Set<String> used = new TreeSet<>();
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    dashboard.findValues("expr").forEach(e -> names(e.asText(), used));
    assertThat(used)
        .contains(
            "chaos_fault_active",
            "chaos_detection_time_seconds",
            "chaos_service_detection_time_seconds_bucket",
            "chaos_fault_revert_failed",
            "chaos_notifications_total");

    Http gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    Http prometheus = new Http(base).withToken("test-scrape-token-of-the-metrics");
    assertThat(
            gm.postYaml("/api/scenarios", TestScenarios.paymentLatency(SCENARIO, "Gentle").yaml())
                .status())
        .isIn(201, 409);
    Http.Answer fired = gm.postJson("/api/incidents", "{\"scenario\": \"" + SCENARIO + "\"}");
    assertThat(fired.status()).as(fired.body()).isEqualTo(201);
    String id = fired.json().get("id").asText();
    Set<String> exported = new TreeSet<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                prometheus
                    .get("/q/metrics")
                    .body()
                    .contains("chaos_fault_active{incident=\"" + id + "\"}"));
    String during = prometheus.get("/q/metrics").body();
    names(during, exported);
    assertThat(during.lines().filter(l -> l.startsWith("chaos_fault_active{")))
        .as("the incident's id is the only label")
        .allMatch(l -> l.matches("chaos_fault_active\\{incident=\"inc-[0-9a-f]+\"} [0-9.]+"));

    gm.post("/api/incidents/" + id + "/end", "", "application/json");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              String after = prometheus.get("/q/metrics").body();
              return !after.contains("incident=\"" + id + "\"")
                  && after.contains("chaos_incidents_completed_total{scenario=\"" + SCENARIO);
            });
    // What this short run does not produce (a detection, a recovery, a halt, a missed trigger, a
    // crash's leftovers), recorded the way the engine records it.
    Instant t = Instant.parse("2026-12-02T10:00:00Z");
    metrics.detected(SCENARIO, Duration.ofSeconds(40));
    metrics.recovered(
        SCENARIO,
        new RecoveryTime(
            RecoveryTime.Kind.SELF_HEALING,
            t,
            t.plusSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(1)));
    metrics.incidentMissed();
    metrics.halt(Duration.ofMillis(5));
    metrics.crashRecovered(0);
    metrics.firingDelay(Duration.ZERO);
    metrics.serviceTimes(
        "payment",
        Optional.of(Duration.ofSeconds(40)),
        Optional.of(
            new RecoveryTime(
                RecoveryTime.Kind.TIME_TO_RESTORE,
                t,
                t.plusSeconds(60),
                Duration.ofSeconds(60),
                Duration.ofSeconds(1))));
    metrics.revertFailed("inc-000000000000");
    metrics.notification("ops", "sent");
    metrics.notificationRetried("ops");
    names(prometheus.get("/q/metrics").body(), exported);

    assertThat(exported).containsAll(used);
  }

  private static void names(String text, Set<String> into) {
    Matcher m = METRIC.matcher(text);
    while (m.find()) {
      into.add(m.group());
    }
  }
}
