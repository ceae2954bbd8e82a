package org.daysofchaos.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            Optional.empty(),
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
  }
}
