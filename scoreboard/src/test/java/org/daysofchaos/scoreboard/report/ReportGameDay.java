package org.daysofchaos.scoreboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.PlayType;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.play.PlayRecord;
import org.daysofchaos.scoreboard.play.PlayStore;
import org.daysofchaos.scoreboard.server.Http;

/**
 * A played game day written straight into the server's database, with known times: what the
 * report's endpoints and page are tested on. Two teams; incident 1 (payment latency) detected by
 * its signal at 40 s, claimed by blue at 2 min and diagnosed by blue at 5 min, recovered at 6 min;
 * incident 2 (inventory outage) caught by nothing but red's claim at 3 min, recovered at 2 min 30.
 */
final class ReportGameDay {
  static final String DAY = "report-day";
  static final Instant T0 = Instant.parse("2026-02-02T09:00:00Z");

  private ReportGameDay() {}

  /** Loads the game day (once) and its incidents and plays. */
  static void ensure(Http gm) {
    String yaml =
        "id: "
            + DAY
            + "\nname: Report day\nwindow: { lasts: 60m }\nteams: [blue, red]\n"
            + "scenarios:\n  - scenario: demo/payment-latency\n    at: 50m\n"
            + "  - scenario: demo/inventory-outage\n    at: 55m\n";
    Http.Answer loaded = gm.postYaml("/api/gamedays", yaml);
    assertThat(loaded.status()).as(loaded.body()).isIn(201, 409);
    IncidentStore incidents = Arc.container().instance(IncidentStore.class).get();
    if (incidents.find(DAY + "-1").isPresent()) {
      return;
    }
    GameDays gameDays = Arc.container().instance(GameDays.class).get();
    List<GameDayStore.SlotRow> slots = gameDays.slots(DAY);
    incident(incidents, slots.get(0), DAY + "-1", T0, 40, 360);
    incident(incidents, slots.get(1), DAY + "-2", T0.plusSeconds(600), -1, 150);
    PlayStore plays = Arc.container().instance(PlayStore.class).get();
    play(plays, DAY + "-1", "blue", PlayType.DETECTION_CLAIM, T0.plusSeconds(120), "payment");
    play(plays, DAY + "-1", "blue", PlayType.DIAGNOSIS, T0.plusSeconds(300), "payment / latency");
    play(plays, DAY + "-2", "red", PlayType.DETECTION_CLAIM, T0.plusSeconds(780), "inventory");
  }

  private static void incident(
      IncidentStore store,
      GameDayStore.SlotRow slot,
      String id,
      Instant t0,
      int detectedAfter,
      int recoveredAfter) {
    store.insertRunning(
        id, DAY, slot.slot(), slot.scenarioId(), slot.scenarioSha256(), t0, t0, "test", "test");
    Duration second = Duration.ofSeconds(1);
    Optional<Measurement> detection =
        detectedAfter < 0
            ? Optional.empty()
            : Optional.of(
                new Measurement(
                    t0.plusSeconds(detectedAfter),
                    Duration.ofSeconds(detectedAfter),
                    "booking_request_seconds{quantile=\"0.99\"} > 0.5",
                    second));
    Instant end = t0.plusSeconds(recoveredAfter - 20);
    store.append(
        id,
        new JournalEvent(
            t0.plusSeconds(2), EventType.STEADY_STATE_DEVIATED, "deviated", java.util.Map.of()));
    store.append(
        id,
        new JournalEvent(
            end.plusSeconds(5), EventType.STEADY_STATE_RESTORED, "holds", java.util.Map.of()));
    detection.ifPresent(
        d ->
            store.append(
                id,
                new JournalEvent(
                    d.at(),
                    EventType.DETECTED,
                    "detected",
                    java.util.Map.of("signal", d.source()))));
    RunResult result =
        new RunResult(
            "run-" + id,
            slot.scenarioId(),
            slot.scenarioId(),
            Optional.of(Mode.TIME_BOXED),
            Verdict.PASSED,
            "recovered",
            t0.minusSeconds(1),
            Optional.of(t0),
            detection,
            Optional.of(end),
            Optional.of(
                new Measurement(
                    t0.plusSeconds(recoveredAfter),
                    Duration.ofSeconds(recoveredAfter),
                    "steady state held for 5s",
                    second)),
            true,
            List.of());
    store.close(id, result, t0.plusSeconds(recoveredAfter + 1));
  }

  private static void play(
      PlayStore store, String incident, String team, PlayType type, Instant at, String detail) {
    store.insert(
        new PlayRecord(
            0,
            DAY,
            incident,
            team,
            "report-" + team,
            type,
            at,
            Outcome.ACCEPTED,
            -1,
            detail,
            null,
            null),
        null);
  }
}
