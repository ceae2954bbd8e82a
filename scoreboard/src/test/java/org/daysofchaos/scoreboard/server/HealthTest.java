package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The probes Kubernetes calls, anonymously: ready only once crash recovery is done, alive
 * throughout, and nothing in the answers that a player could read an incident from.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class HealthTest {
  static final String SCENARIO = "test/health-secret-hang";

  static final String HANG =
      TestScenarios.paymentLatency(SCENARIO, "Secret hang")
          .more("diagnosis:\n  component: payment\n  fault: hang\n")
          .yaml();

  @TestHTTPResource("/")
  URI base;

  @Inject StartState state;

  @AfterEach
  void ready() {
    state.phase(StartState.Phase.READY);
  }

  @Test
  void readyWithEveryCheckUpOnceStartedAndAliveAnonymously() {
    Http anonymous = new Http(base);
    Http.Answer ready = anonymous.get("/q/health/ready");
    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    assertThat(checks(ready.json()))
        .containsOnly(
            Map.entry("recovered", "UP"),
            Map.entry("cluster", "UP"),
            Map.entry("database", "UP"),
            Map.entry("schedule", "UP"),
            Map.entry("targets", "UP"));
    Http.Answer live = anonymous.get("/q/health/live");
    assertThat(live.status()).isEqualTo(200);
    assertThat(checks(live.json())).containsOnly(Map.entry("heartbeat-task", "UP"));
  }

  @Test
  void notReadyWhileRecoveryRunsButAliveAndReadyAgainAfter() {
    Http anonymous = new Http(base);
    // The phase ServerLifecycle is in from the wiring of the targets until recovery and the
    // schedule are done; the HTTP listener is already open then.
    state.phase(StartState.Phase.RECOVERING);
    Http.Answer recovering = anonymous.get("/q/health/ready");
    assertThat(recovering.status()).isEqualTo(503);
    assertThat(recovering.json().get("status").asText()).isEqualTo("DOWN");
    assertThat(checks(recovering.json())).contains(Map.entry("recovered", "DOWN"));
    assertThat(anonymous.get("/q/health/live").status()).isEqualTo(200);

    state.phase(StartState.Phase.READY);
    assertThat(anonymous.get("/q/health/ready").status()).isEqualTo(200);

    state.phase(StartState.Phase.STOPPING);
    assertThat(anonymous.get("/q/health/ready").status())
        .as("a stopping node takes no more traffic")
        .isEqualTo(503);
  }

  @Test
  void theAnswersNameNoScenarioNoFaultAndNoTargetWhileAnIncidentRuns() {
    Http gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    assertThat(gm.postYaml("/api/scenarios", HANG).status()).isIn(201, 409);
    Http.Answer fired = gm.postJson("/api/incidents", "{\"scenario\": \"" + SCENARIO + "\"}");
    assertThat(fired.status()).as(fired.body()).isEqualTo(201);
    String id = fired.json().get("id").asText();
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> gm.getJson("/api/incidents?state=RUNNING").size() > 0);
      Http anonymous = new Http(base);
      for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live")) {
        Http.Answer a = anonymous.get(path);
        assertThat(a.body())
            .as(path)
            .doesNotContain("health-secret", "hang", "payment", "latency", "network", "proxy");
        for (JsonNode check : a.json().get("checks")) {
          assertThat(check.has("data")).as(check.toString()).isFalse();
        }
      }
    } finally {
      gm.post("/api/incidents/" + id + "/end", "", "application/json");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> gm.getJson("/api/incidents?state=RUNNING").isEmpty());
    }
  }

  private static List<Map.Entry<String, String>> checks(JsonNode health) {
    List<Map.Entry<String, String>> all = new ArrayList<>();
    health
        .get("checks")
        .forEach(c -> all.add(Map.entry(c.get("name").asText(), c.get("status").asText())));
    return all;
  }
}
