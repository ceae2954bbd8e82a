package org.daysofchaos.scoreboard.notify;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.Notification;
import org.daysofchaos.core.gameday.Notification.Audience;
import org.daysofchaos.core.gameday.Notification.Event;
import org.daysofchaos.core.gameday.Notification.Format;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.RunListener;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.run.IncidentRunner;
import org.daysofchaos.core.run.RunControl;
import org.daysofchaos.core.run.RunOptions;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.testing.ManualClock;
import org.daysofchaos.core.testing.ManualSleeper;
import org.daysofchaos.core.testing.RecordingInjector;
import org.daysofchaos.core.testing.Scenarios;
import org.daysofchaos.core.testing.ScriptedProbe;
import org.daysofchaos.core.testing.TestFault;
import org.daysofchaos.scoreboard.metrics.ChaosMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications and Grafana annotations reach local receivers that record them; a receiver that
 * fails is retried, then given up on and counted; one that hangs never slows the run, which runs on
 * a manual clock and ends as it would without any channel.
 */
class NotificationsTest {
  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration AWAIT = ofSeconds(30);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ChaosMetrics metrics = new ChaosMetrics(registry);
  private final List<AutoCloseable> closing = new ArrayList<>();

  @TempDir Path dir;

  @AfterEach
  void close() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  private <T extends AutoCloseable> T closing(T c) {
    closing.add(c);
    return c;
  }

  private NotifySettings settings(int queue, int attempts, Duration timeout) {
    return new NotifySettings(
        queue, attempts, Duration.ofMillis(1), Duration.ofMillis(5), timeout, Optional.empty());
  }

  private Notifications notifications(NotifySettings settings, Map<String, String> env) {
    return closing(new Notifications(settings, metrics, env::get));
  }

  private Notification.Secret urlFile(String name, String url) throws IOException {
    return Notification.Secret.fromFile(
        Files.writeString(dir.resolve(name), url + "\n").toString());
  }

  private static final IncidentFacts INCIDENT =
      new IncidentFacts("inc-0123456789ab", "demo-day", "test/scenario", "A test scenario");

  /** A time-boxed run on a manual clock: detected at 4 s, over at 10 s, recovered at 14 s. */
  private static RunResult run(RunListener listener, RecordingInjector injector) {
    ManualClock clock = new ManualClock(T0);
    ScriptedProbe steady =
        ScriptedProbe.failingBetween("latency ok", T0.plusMillis(2500), T0.plusMillis(13500));
    ScriptedProbe signal =
        ScriptedProbe.holdingBetween("latency alert", T0.plusMillis(3200), T0.plusSeconds(1000));
    Scenario scenario =
        Scenarios.timeBoxed(
            ofSeconds(10),
            ofSeconds(5),
            List.of(TestFault.on("db")),
            List.of(steady),
            List.of(signal));
    return new IncidentRunner(
            Injectors.of(List.of(injector)),
            ProbeRunners.of(List.of(ScriptedProbe.runner(clock))),
            new InMemoryLedger(),
            clock,
            new ManualSleeper(clock),
            RunOptions.defaults())
        .run(scenario, new RunControl(), listener == null ? List.of() : List.of(listener));
  }

  private static List<String> events(List<String> bodies) {
    return bodies.stream().map(b -> json(b).path("event").asText()).toList();
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(body, e);
    }
  }

  private double counted(String channel, String outcome) {
    var counter =
        registry.find("chaos.notifications").tag("channel", channel).tag("outcome", outcome);
    return counter.counter() == null ? 0 : counter.counter().count();
  }

  @Test
  void gameMastersHearAsItHappensAndPlayersOnceTheIncidentIsOverWithoutTheAnswer()
      throws Exception {
    Receiver masters = closing(Receiver.ok());
    Receiver players = closing(Receiver.ok());
    Notifications notifications =
        notifications(settings(100, 1, ofSeconds(30)), Map.of("MASTERS_URL", masters.url("/hook")));
    // The players' channel first: were anything of it sent early, it would be sent first.
    RunListener listener =
        notifications.incident(
            INCIDENT,
            List.of(
                new Notification(
                    "players",
                    Format.SLACK,
                    urlFile("players-url", players.url("/slack")),
                    Audience.PLAYERS,
                    List.of(Event.values())),
                new Notification(
                    "masters",
                    Format.WEBHOOK,
                    Notification.Secret.fromEnv("MASTERS_URL"),
                    Audience.GAME_MASTERS,
                    List.of(Event.values()))));

    // The incident is running: started and detected.
    listener.onEvent(
        new JournalEvent(
            T0, EventType.FAULT_ACTIVE, "fault in effect", Map.of("injectedAt", T0.toString())));
    listener.onEvent(
        new JournalEvent(
            T0.plusSeconds(4),
            EventType.DETECTED,
            "detected after 4 s by latency alert",
            Map.of("after", "PT4S", "reportedAt", T0.plusSeconds(4).toString())));
    await().atMost(AWAIT).until(() -> masters.received().size() == 2);
    assertThat(players.received()).as("nothing for players while it runs").isEmpty();
    JsonNode detected = json(masters.bodies().get(1));
    assertThat(detected.path("event").asText()).isEqualTo("detected");
    assertThat(detected.path("afterSeconds").asDouble()).isEqualTo(4.0);
    assertThat(detected.path("scenario").asText()).isEqualTo("test/scenario");
    assertThat(detected.path("at").asText()).isEqualTo(T0.plusSeconds(4).toString());

    // It ends: the players hear all of it, in order.
    listener.onEvent(
        new JournalEvent(
            T0.plusSeconds(10),
            EventType.VERDICT,
            "PASSED: recovered",
            Map.of("verdict", Verdict.PASSED.name())));
    await().atMost(AWAIT).until(() -> players.received().size() == 3);
    assertThat(players.received()).extracting(Receiver.Received::path).containsOnly("/slack");
    List<String> texts = players.bodies().stream().map(b -> json(b).path("text").asText()).toList();
    assertThat(texts.get(0)).contains("inc-0123456789ab").contains("fault in effect since");
    assertThat(texts.get(1)).contains("detected 4.000 s after");
    assertThat(texts.get(2)).contains("over, verdict PASSED");
    assertThat(String.join("\n", players.bodies()))
        .as("no scenario, title or signal for players")
        .doesNotContain("test/scenario", "A test scenario", "latency alert");
    await().atMost(AWAIT).until(() -> masters.received().size() == 3);
    assertThat(events(masters.bodies())).containsExactly("started", "detected", "ended");
    assertThat(counted("players", "sent")).isEqualTo(3);
    assertThat(counted("masters", "sent")).isEqualTo(3);
  }

  @Test
  void aFailingReceiverIsRetriedWithBackoffThenGivenUpOnAndCounted() throws Exception {
    Receiver failing = closing(Receiver.failing(503));
    Receiver refusing = closing(Receiver.failing(400));
    Notifications notifications = notifications(settings(100, 3, ofSeconds(30)), Map.of());

    notifications.halted(
        Map.of(
            "demo-day",
            List.of(
                webhook("failing", urlFile("failing", failing.url("/")), Audience.GAME_MASTERS),
                webhook("refusing", urlFile("refusing", refusing.url("/")), Audience.PLAYERS),
                webhook("unset", Notification.Secret.fromEnv("NOT_SET"), Audience.GAME_MASTERS))),
        "gamemaster",
        "drill",
        T0);

    await().atMost(AWAIT).until(() -> counted("failing", "failed") == 1);
    assertThat(failing.received()).as("three attempts").hasSize(3);
    assertThat(registry.find("chaos.notifications.retries").tag("channel", "failing").counter())
        .extracting(c -> c.count())
        .isEqualTo(2.0);
    await().atMost(AWAIT).until(() -> counted("refusing", "failed") == 1);
    assertThat(refusing.received()).as("a 400 is not retried").hasSize(1);
    JsonNode halt = json(refusing.bodies().get(0));
    assertThat(halt.path("event").asText()).isEqualTo("halted");
    assertThat(halt.has("detail")).as("the reason is for game masters").isFalse();
    await().atMost(AWAIT).until(() -> counted("unset", "failed") == 1);
    assertThat(counted("failing", "sent") + counted("refusing", "sent")).isZero();
  }

  @Test
  void aHangingReceiverNeverSlowsTheRunAndWhatDoesNotFitIsDroppedAndCounted() throws Exception {
    RunResult alone = run(null, new RecordingInjector());
    Receiver hanging = closing(Receiver.hanging());
    // Room for one message waiting; one more may be in flight (hanging): of the run's five, the
    // rest are dropped.
    Notifications notifications = notifications(settings(1, 1, ofSeconds(60)), Map.of());
    RunListener listener =
        notifications.incident(
            INCIDENT,
            List.of(
                webhook("hanging", urlFile("hanging", hanging.url("/")), Audience.GAME_MASTERS)));

    RunResult result = run(listener, new RecordingInjector());

    // The run ended while the receiver still holds its first request: it never waited for it.
    await().atMost(AWAIT).until(() -> hanging.received().size() == 1);
    assertThat(counted("hanging", "sent")).isZero();
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(result.events())
        .as("the same run, at the same instants of its clock, as with no channel at all")
        .extracting(JournalEvent::at)
        .containsExactlyElementsOf(alone.events().stream().map(JournalEvent::at).toList());
    assertThat(events(hanging.bodies())).containsExactly("started");
    assertThat(counted("hanging", "dropped") + hanging.received().size() + notifications.waiting())
        .isEqualTo(5);
    assertThat(counted("hanging", "dropped")).isGreaterThanOrEqualTo(3);
  }

  @Test
  void grafanaGetsAnnotationsTaggedWithTheIncidentAtTheirTrueTimesOnceItIsOver() throws Exception {
    Receiver grafana = closing(Receiver.ok());
    Path token = Files.writeString(dir.resolve("grafana-token"), "glsa_secret\n");
    NotifySettings settings =
        new NotifySettings(
            100,
            1,
            Duration.ofMillis(1),
            Duration.ofMillis(5),
            ofSeconds(30),
            Optional.of(
                new NotifySettings.Grafana(
                    grafana.url("/grafana/"),
                    Optional.of(Notification.Secret.fromFile(token.toString())),
                    Audience.PLAYERS,
                    Optional.of("chaos-dash"))));
    Notifications notifications = notifications(settings, Map.of());

    RunResult result = run(notifications.incident(INCIDENT, List.of()), new RecordingInjector());

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    await().atMost(AWAIT).until(() -> grafana.received().size() == 4);
    assertThat(grafana.received())
        .allSatisfy(
            r -> {
              assertThat(r.path()).isEqualTo("/grafana/api/annotations");
              assertThat(r.authorization()).isEqualTo("Bearer glsa_secret");
            });
    List<JsonNode> annotations = grafana.bodies().stream().map(NotificationsTest::json).toList();
    assertThat(annotations)
        .extracting(a -> a.path("tags").get(1).asText())
        .containsExactly("chaos-started", "chaos-detected", "chaos-reverted", "chaos-recovered");
    assertThat(annotations)
        .extracting(a -> Instant.ofEpochMilli(a.path("time").asLong()))
        .containsExactly(T0, T0.plusSeconds(4), T0.plusSeconds(10), T0.plusSeconds(14));
    assertThat(annotations.get(0).path("dashboardUID").asText()).isEqualTo("chaos-dash");
    assertThat(annotations.get(0).path("tags").toString())
        .contains("days-of-chaos", "chaos-game-day:demo-day", "chaos-incident:inc-0123456789ab")
        .doesNotContain("test/scenario");
  }

  private static Notification webhook(String name, Notification.Secret url, Audience audience) {
    return new Notification(name, Format.WEBHOOK, url, audience, List.of(Event.values()));
  }
}
