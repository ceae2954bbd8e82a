package org.daysofchaos.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.daysofchaos.core.spi.RevertRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLedgerTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  @TempDir Path dir;

  private static LedgerEntry intended(String id) {
    return new LedgerEntry(
        id,
        "run1",
        "demo/payment-latency",
        "network/latency",
        "proxy payment",
        "latency 800ms",
        LedgerEntry.State.INTENDED,
        RevertRecord.NONE,
        T0.plusSeconds(330),
        T0);
  }

  @Test
  void keepsTheRevertRecordAndItsBackendAcrossAReopen() throws Exception {
    Path file = dir.resolve("ledger.jsonl");
    RevertRecord record =
        new RevertRecord("toxiproxy", Map.of("proxy", "payment", "toxic", "daysofchaos-run1-0"));
    try (FileLedger ledger = FileLedger.open(file)) {
      ledger.intend(intended("run1-0"));
      ledger.activate("run1-0", record, T0.plusSeconds(1));
    }

    try (FileLedger reopened = FileLedger.open(file)) {
      assertThat(reopened.open())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.state()).isEqualTo(LedgerEntry.State.ACTIVE);
                assertThat(e.revertRecord()).isEqualTo(record);
                assertThat(e.backend()).isEqualTo("toxiproxy");
              });
    }
    assertThat(Files.readAllLines(file).get(1)).contains("\"backend\":\"toxiproxy\"");
  }

  @Test
  void readsTheBackendOfAnEntryWrittenBeforeRecordsNamedIt() throws Exception {
    Path file = dir.resolve("old.jsonl");
    Files.writeString(
        file,
        line("a", "{\"server\":\"default\",\"proxy\":\"payment\",\"toxic\":\"daysofchaos-a\"}")
            + line("b", "{\"kubernetes\":\"kubernetes/scale\",\"name\":\"checkout\"}")
            + line("c", "{\"process\":\"inventory\",\"pid\":\"42\",\"signal\":\"CONT\"}")
            + line("d", "{}"),
        StandardCharsets.UTF_8);

    try (FileLedger ledger = FileLedger.open(file)) {
      assertThat(ledger.open())
          .extracting(LedgerEntry::backend)
          .containsExactly("toxiproxy", "kubernetes", "process", "");
      assertThat(ledger.open().get(0).revertRecord().data()).containsEntry("proxy", "payment");
    }
  }

  private static String line(String id, String record) {
    return "{\"injectionId\":\""
        + id
        + "\",\"runId\":\"run1\",\"scenarioId\":\"s\",\"kind\":\"k\",\"target\":\"t\","
        + "\"description\":\"d\",\"state\":\"ACTIVE\",\"revertRecord\":"
        + record
        + ",\"expiresAt\":\"2026-12-01T09:05:30Z\",\"updatedAt\":\"2026-12-01T09:00:00Z\"}\n";
  }
}
