package org.daysofchaos.scoreboard.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.incident.IncidentEngine;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.safety.HaltSwitch;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The server tells a game day's channels what its incidents do and that halt-all was pulled: the
 * game masters' channel as it happens, the players' once the incident is over. Same Quarkus
 * configuration as the other server tests (one boot for all).
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class NotificationsServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ScenarioCatalog catalog;
  @Inject GameDays gameDays;
  @Inject IncidentEngine engine;
  @Inject IncidentStore incidents;
  @Inject HaltSwitch halt;

  @Test
  void aGameDaysChannelsHearItsIncidentAndHaltAll() throws Exception {
    try (Receiver masters = Receiver.ok();
        Receiver players = Receiver.ok()) {
      Path dir = Files.createTempDirectory("notify");
      Path mastersUrl = Files.writeString(dir.resolve("masters"), masters.url("/masters"));
      Path playersUrl = Files.writeString(dir.resolve("players"), players.url("/players"));
      String scenario =
          TestScenarios.paymentLatency("test/notified", "Notified").lasting("5m", "10m").yaml();
      assertThat(catalog.register("notified.yaml", scenario, "test").ok()).isTrue();
      gameDays.load(
          "notified-day.yaml",
          """
          id: notified-day
          name: Notified day
          window: { lasts: 1h }
          teams: [blue]
          scenarios:
            - { scenario: test/notified, at: 59m }
          notifications:
            - name: masters
              url: { file: %s }
              audience: game-masters
            - name: players
              format: slack
              url: { file: %s }
          """
              .formatted(mastersUrl, playersUrl),
          "test");
      gameDays.start("notified-day", "test");
      try {
        String sha256 = catalog.latest("test/notified").orElseThrow().sha256();
        String id = engine.fireNow("test/notified", sha256, "notified-day", "test").id();
        await().atMost(Duration.ofSeconds(30)).until(() -> events(masters).contains("started"));
        assertThat(players.received()).as("players hear nothing while it runs").isEmpty();

        halt.halt("gamemaster", "drill");
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> incidents.find(id).orElseThrow().state() == Incident.State.CLOSED);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> events(masters).containsAll(List.of("reverted", "aborted", "halted")));
        assertThat(events(masters)).startsWith("started", "reverted", "aborted");
        assertThat(masters.bodies().get(0)).contains(id).contains("test/notified");
        await().atMost(Duration.ofSeconds(30)).until(() -> players.received().size() == 4);
        assertThat(String.join("\n", players.bodies()))
            .contains(id)
            .contains("HALT-ALL")
            .doesNotContain("test/notified", "Notified", "payment");
        assertThat(incidents.journal(id))
            .extracting(e -> e.type())
            .contains(EventType.FAULT_ACTIVE, EventType.REVERTED);

        // Halt-all is still in effect: the next incident is not fired, and the channels hear so.
        String blocked = engine.fireNow("test/notified", sha256, "notified-day", "test").id();
        assertThat(incidents.find(blocked).orElseThrow().verdict()).isEqualTo("ABORTED");
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> masters.bodies().stream().anyMatch(b -> b.contains(blocked)));
        assertThat(masters.bodies().stream().filter(b -> b.contains(blocked)))
            .singleElement()
            .asString()
            .contains("\"event\":\"aborted\"")
            .contains("not fired: halt-all is in effect");
      } finally {
        halt.release("test");
        gameDays.stop("notified-day", "test");
      }
    }
  }

  private static List<String> events(Receiver receiver) {
    return receiver.bodies().stream()
        .map(
            b -> {
              try {
                return JSON.readTree(b).path("event").asText();
              } catch (Exception e) {
                return "?";
              }
            })
        .toList();
  }
}
