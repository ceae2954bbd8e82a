package org.daysofchaos.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.JournalJson;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReportsTest {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final Duration SECOND = Duration.ofSeconds(1);

  @TempDir Path dir;

  static RunResult run(String id, String scenario, Optional<Instant> injected, Verdict verdict) {
    return run(id, scenario, Optional.empty(), injected, verdict);
  }

  /** A run of a journal that records its mode, or (empty) of a version that did not. */
  static RunResult run(
      String id,
      String scenario,
      Optional<Mode> mode,
      Optional<Instant> injected,
      Verdict verdict) {
    Instant t = injected.orElse(T0);
    return new RunResult(
        id,
        scenario,
        "Title of " + scenario,
        mode,
        verdict,
        "because",
        T0.minusSeconds(1),
        injected,
        injected.map(
            i -> new Measurement(i.plusSeconds(3), Duration.ofSeconds(3), "p99 > 0.5", SECOND)),
        injected.map(i -> i.plusSeconds(30)),
        injected.map(
            i -> new Measurement(i.plusSeconds(36), Duration.ofSeconds(36), "held 5s", SECOND)),
        true,
        List.of(
            new JournalEvent(
                t.plusSeconds(4), EventType.STEADY_STATE_DEVIATED, "deviated", Map.of()),
            new JournalEvent(
                t.plusSeconds(31), EventType.STEADY_STATE_RESTORED, "holds", Map.of())));
  }

  private Path write(String name, RunResult run) throws IOException {
    Path file = dir.resolve(name);
    JournalJson.write(run, file);
    return file;
  }

  @Test
  void makesOneIncidentPerInjectedRunWithItsScenariosServiceAndWeight() throws IOException {
    Path a = write("a.json", run("r1", "demo/payment-latency", Optional.of(T0), Verdict.PASSED));
    Path b =
        write("b.json", run("r2", "my/unknown", Optional.of(T0.plusSeconds(60)), Verdict.DEVIATED));
    Path c = write("c.json", run("r3", "demo/payment-latency", Optional.empty(), Verdict.ABORTED));

    JournalReports.Loaded loaded =
        JournalReports.load(
            List.of(a, b, c),
            id ->
                id.equals("demo/payment-latency")
                    ? Optional.of(new JournalReports.ScenarioInfo("payment", 6, Mode.TIME_BOXED))
                    : Optional.empty(),
            T0.plusSeconds(600));

    assertThat(loaded.skipped()).containsExactly(c + ": nothing was injected (ABORTED: because)");
    List<IncidentRecord> incidents = loaded.input().incidents();
    assertThat(incidents).extracting(IncidentRecord::id).containsExactly("r1", "r2");
    IncidentRecord r1 = incidents.get(0);
    assertThat(r1.service()).isEqualTo("payment");
    assertThat(r1.weight()).isEqualTo(6);
    assertThat(r1.signal().orElseThrow().after()).isEqualTo(Duration.ofSeconds(3));
    assertThat(r1.signal().orElseThrow().resolution()).isEqualTo(SECOND);
    assertThat(r1.recovery().orElseThrow().after()).isEqualTo(Duration.ofSeconds(36));
    assertThat(r1.steadyState())
        .containsExactly(
            new SteadyStateChange(T0.plusSeconds(4), false),
            new SteadyStateChange(T0.plusSeconds(31), true));
    assertThat(incidents.get(1).service()).isEqualTo(IncidentRecord.UNKNOWN_SERVICE);
    assertThat(incidents.get(1).weight()).isEqualTo(1);

    GameDayReport report = Reports.gameDay(loaded.input());
    assertThat(report.funnel()).isEqualTo(new Funnel(2, 2, 0, 2));
    assertThat(report.gameDay().name()).isEqualTo("3 journal files");
    assertThat(report.headline()).isEqualTo("Resilience report: 3 journal files");
  }

  @Test
  void anOldJournalTakesItsModeFromTheScenarioAndANewOneKeepsItsOwn() throws IOException {
    // Both runs: injected at t, fault ended at t + 30 s, steady state back at t + 36 s.
    Path old =
        write("old.json", run("r1", "demo/payment-latency", Optional.of(T0), Verdict.PASSED));
    Path recorded =
        write(
            "new.json",
            run(
                "r2",
                "demo/payment-latency",
                Optional.of(Mode.UNTIL_FIXED),
                Optional.of(T0.plusSeconds(60)),
                Verdict.PASSED));

    GameDayReport report =
        Reports.gameDay(
            JournalReports.load(
                    List.of(old, recorded),
                    id ->
                        Optional.of(new JournalReports.ScenarioInfo("payment", 6, Mode.TIME_BOXED)),
                    T0.plusSeconds(600))
                .input());

    // r1 (no mode recorded): time-boxed as its scenario says, so it counts from the end of the
    // fault: 6 s, not 36 s. r2 ran until-fixed: back only after the fault ended, nothing restored.
    IncidentOutcome r1 = report.incident("r1").orElseThrow();
    IncidentOutcome r2 = report.incident("r2").orElseThrow();
    assertThat(r1.mode()).isEqualTo(Mode.TIME_BOXED);
    assertThat(r1.recoveryTime().orElseThrow().took()).isEqualTo(Duration.ofSeconds(6));
    assertThat(r2.mode()).isEqualTo(Mode.UNTIL_FIXED);
    assertThat(r2.recoveryTime()).isEmpty();
    assertThat(r2.recovered()).isFalse();
    assertThat(report.selfHealing().p50()).contains(Duration.ofSeconds(6));
    assertThat(report.selfHealing().count()).isEqualTo(1);
    assertThat(report.timeToRestore().count()).isZero();
  }

  @Test
  void namesTheFileThatIsNotAJournalOrIsGivenTwice() throws IOException {
    Path bad =
        Files.writeString(dir.resolve("bad.json"), "{\"format\": 1, \"run\": {\"verdict\": 7");
    assertThatThrownBy(() -> JournalReports.load(List.of(bad), id -> Optional.empty(), T0))
        .hasMessageStartingWith(bad + ":1:")
        .hasMessageContaining("not a journal written by --journal-json");
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> JournalReports.load(List.of(missing), id -> Optional.empty(), T0))
        .hasMessage(missing + ": no such file");
    Path a = write("a.json", run("r1", "x", Optional.of(T0), Verdict.PASSED));
    Path copy = Files.copy(a, dir.resolve("copy.json"));
    assertThatThrownBy(() -> JournalReports.load(List.of(a, copy), id -> Optional.empty(), T0))
        .hasMessage(copy + ": run r1 is also in " + a + "; give each journal once");
  }
}
