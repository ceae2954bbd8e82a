package org.daysofchaos.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalJsonTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00.123Z");

  @Test
  void aJournalWithEveryEventTypeReadsBackEqual(@TempDir Path dir) throws Exception {
    List<JournalEvent> events =
        java.util.Arrays.stream(EventType.values())
            .map(type -> new JournalEvent(T0, type, type.name().toLowerCase(), Map.of("k", "v")))
            .toList();
    RunResult run =
        new RunResult(
            "run-1",
            "demo/payment-latency",
            "Payments are slow",
            Optional.of(Mode.UNTIL_FIXED),
            Verdict.PASSED,
            "",
            T0,
            Optional.of(T0.plusMillis(5)),
            Optional.of(
                new Measurement(
                    T0.plusSeconds(2),
                    Duration.ofMillis(1_995),
                    "alert BookingLatencyHigh",
                    Duration.ofMillis(250))),
            Optional.of(T0.plusSeconds(30)),
            Optional.of(
                new Measurement(
                    T0.plusSeconds(20),
                    Duration.ofMillis(19_995),
                    "held 5s",
                    Duration.ofSeconds(1))),
            true,
            events);
    Path file = dir.resolve("journal.json");

    JournalJson.write(run, file);

    JournalJson.Document read = JournalJson.read(file);
    assertThat(read.format()).isEqualTo(JournalJson.FORMAT_VERSION);
    assertThat(read.run()).isEqualTo(run);
    assertThat(read.run().events())
        .extracting(JournalEvent::type)
        .contains(EventType.ALERT_RECEIVED);
    // The derived recovery time is written for readers and recomputed on reading.
    assertThat(JournalJson.toJson(run))
        .contains("\"mode\" : \"UNTIL_FIXED\"")
        .contains("\"kind\" : \"TIME_TO_RESTORE\"")
        .contains("\"took\" : \"PT19.995S\"");
    assertThat(read.run().recoveryTime()).isEqualTo(run.recoveryTime());
  }

  @Test
  void aJournalWrittenBeforeTheModeWasRecordedStillReads(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("old.json");
    Files.writeString(
        file,
        """
        {"format": 1, "run": {"runId": "9726fa07", "scenarioId": "demo/payment-latency",
          "scenarioTitle": "Payments are slow", "verdict": "PASSED",
          "reason": "the system recovered after 6.032 s (± 1s)",
          "startedAt": "2026-11-21T23:49:10.915Z", "injectedAt": "2026-11-21T23:49:11.602Z",
          "detection": null, "faultEndedAt": "2026-11-21T23:49:16.633Z",
          "recovery": {"at": "2026-11-21T23:49:17.634Z", "after": "PT6.032S",
                       "source": "steady state held for 2s", "resolution": "PT1S"},
          "deviated": true, "events": []}}
        """);

    RunResult run = JournalJson.read(file).run();

    assertThat(run.mode()).isEmpty();
    assertThat(run.recovery().orElseThrow().after()).isEqualTo(Duration.ofMillis(6_032));
    // Without the mode nobody can tell which time it is: the journal does not guess.
    assertThat(run.recoveryTime()).isEmpty();
    assertThat(run.summary()).contains("recovered: after 6.032 s (± 1s)");
  }
}
