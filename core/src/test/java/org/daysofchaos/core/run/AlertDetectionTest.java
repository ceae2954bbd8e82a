package org.daysofchaos.core.run;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.report.JournalReports;
import org.daysofchaos.core.report.Timing;
import org.daysofchaos.core.spi.AlertWatch;
import org.daysofchaos.core.spi.FiringAlert;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.Lag;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.testing.ManualClock;
import org.daysofchaos.core.testing.ManualSleeper;
import org.daysofchaos.core.testing.RecordingInjector;
import org.daysofchaos.core.testing.Scenarios;
import org.daysofchaos.core.testing.ScriptedProbe;
import org.daysofchaos.core.testing.TestFault;
import org.junit.jupiter.api.Test;

/** Detection by alerts the run loop polls (Prometheus' alerts API), with a scripted source. */
class AlertDetectionTest {
  private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
  private static final Duration SCRAPE_PLUS_EVAL = ofSeconds(4);

  private final ManualClock clock = new ManualClock(T0);
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final RecordingInjector injector = new RecordingInjector();

  /** An alert source whose answer at each instant a function gives; it may throw. */
  private final class Scripted implements AlertWatch {
    final Function<Instant, List<FiringAlert>> firingAt;
    final List<Instant> asked = new ArrayList<>();

    Scripted(Function<Instant, List<FiringAlert>> firingAt) {
      this.firingAt = firingAt;
    }

    @Override
    public String source() {
      return "prometheus-alerts-api";
    }

    @Override
    public String name() {
      return "main";
    }

    @Override
    public List<FiringAlert> firing(Collection<String> names) throws IOException {
      asked.add(clock.instant());
      List<FiringAlert> all = firingAt.apply(clock.instant());
      if (all == null) {
        throw new IOException("cannot reach Prometheus at http://127.0.0.1:9");
      }
      return all;
    }

    @Override
    public Lag lag() {
      return Lag.throughSamples(Duration.ZERO, SCRAPE_PLUS_EVAL);
    }
  }

  private static Instant t(double seconds) {
    return T0.plusMillis((long) (seconds * 1000));
  }

  private static FiringAlert alert(String name, Instant activeAt) {
    return new FiringAlert(Map.of("alertname", name, "service", "booking"), activeAt);
  }

  /** Steady state broken from 2.5 s to 12.5 s; a 10 s fault; no signal ever holds. */
  private static Scenario scenario(List<String> alerts, ProbeSpec... signals) {
    Scenario s =
        Scenarios.timeBoxed(
            ofSeconds(10),
            ofSeconds(2),
            List.of(TestFault.on("db")),
            List.of(ScriptedProbe.failingBetween("latency ok", t(2.5), t(12.5))),
            List.of(signals));
    return Scenarios.withAlerts(s, alerts);
  }

  private RunResult run(Scenario scenario, AlertWatch... watches) {
    return new IncidentRunner(
            Injectors.of(List.of(injector)),
            ProbeRunners.of(List.of(ScriptedProbe.runner(clock))),
            new InMemoryLedger(),
            clock,
            sleeper,
            RunOptions.defaults())
        .withAlerts(List.of(watches))
        .run(scenario, new RunControl(), List.of());
  }

  private static List<JournalEvent> events(RunResult result, EventType type) {
    return result.events().stream().filter(e -> e.type() == type).toList();
  }

  @Test
  void aPolledAlertIsTheDetectionAndTheTrueMomentLiesInTheStatedInterval() {
    // The system changes at 2.5 s; Prometheus' rule made the alert active at 5 s (within scrape +
    // evaluation), and its for: 2s made it fire from 7 s.
    Scripted prometheus =
        new Scripted(
            at ->
                at.isBefore(t(7))
                    ? List.of()
                    : List.of(alert("BookingLatencyHigh", t(5)), alert("Other", t(1))));

    RunResult result = run(scenario(List.of("BookingLatencyHigh")), prometheus);

    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    Measurement detection = result.detection().orElseThrow();
    assertThat(detection.at()).as("seen at the first poll after it fired").isEqualTo(t(7));
    assertThat(detection.trueTo()).as("activeAt").isEqualTo(t(5));
    assertThat(detection.trueFrom()).isEqualTo(t(1));
    assertThat(t(2.5)).isBetween(detection.trueFrom(), detection.trueTo());
    assertThat(detection.reported()).isEqualTo(t(3));
    assertThat(detection.source())
        .isEqualTo("alert BookingLatencyHigh (prometheus-alerts-api main)");
    JournalEvent received = events(result, EventType.ALERT_RECEIVED).get(0);
    assertThat(received.message())
        .contains("detected by prometheus-alerts-api main")
        .contains("true moment 1.000 s to 5.000 s");
    assertThat(received.data())
        .containsEntry("source", "prometheus-alerts-api")
        .containsEntry("server", "main")
        .containsEntry("activeAt", t(5).toString())
        .containsEntry("firstOfIncident", "true")
        .containsEntry("trueFrom", t(1).toString());
    assertThat(events(result, EventType.DETECTED).get(0).data())
        .containsEntry("alertname", "BookingLatencyHigh")
        .containsEntry("source", "prometheus-alerts-api");
    assertThat(result.summary())
        .contains("by alert BookingLatencyHigh (prometheus-alerts-api main)");
    assertThat(prometheus.asked).as("no more polls once the alert is seen").hasSize(8);
  }

  @Test
  void anAlertThatWasActiveBeforeTheInjectionSaysNothingAboutThisFault() {
    Scripted prometheus = new Scripted(at -> List.of(alert("BookingLatencyHigh", t(-30))));

    RunResult result = run(scenario(List.of("BookingLatencyHigh")), prometheus);

    assertThat(result.detection()).isEmpty();
    assertThat(events(result, EventType.ALERT_RECEIVED)).isEmpty();
  }

  @Test
  void anAlertTheScenarioDoesNotNameIsNoDetection() {
    Scripted prometheus = new Scripted(at -> List.of(alert("SomethingElse", t(1))));

    RunResult result = run(scenario(List.of("BookingLatencyHigh")), prometheus);

    assertThat(result.detection()).isEmpty();
  }

  @Test
  void aPrometheusThatCannotBeReadIsNeverADetectionAndIsJournalledOncePerError() {
    // Down, then up without the alert, then down again with the same error.
    Scripted prometheus =
        new Scripted(at -> at.isBefore(t(3)) || !at.isBefore(t(6)) ? null : List.of());

    RunResult result = run(scenario(List.of("BookingLatencyHigh")), prometheus);

    assertThat(result.detection()).isEmpty();
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    List<JournalEvent> errors = events(result, EventType.PROBE_ERROR);
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).message())
        .contains("prometheus-alerts-api main: cannot read its alerts")
        .contains("no detection by its alerts");
  }

  @Test
  void aSignalThatHoldsFirstIsTheDetectionAndTheAlertIsStillJournalled() {
    Scripted prometheus =
        new Scripted(
            at -> at.isBefore(t(6)) ? List.of() : List.of(alert("BookingLatencyHigh", t(5))));
    ScriptedProbe signal = ScriptedProbe.holdingBetween("p99 high", t(2.5), t(1000));

    RunResult result = run(scenario(List.of("BookingLatencyHigh"), signal), prometheus);

    assertThat(result.detection().orElseThrow().source()).isEqualTo("p99 high");
    assertThat(events(result, EventType.DETECTED)).hasSize(1);
    assertThat(events(result, EventType.ALERT_RECEIVED)).hasSize(1);
    assertThat(events(result, EventType.ALERT_RECEIVED).get(0).at()).isEqualTo(t(6));
  }

  @Test
  void theFirstSourceToSeeItWinsAndADownSourceDoesNotStopTheOthers() {
    Scripted down = new Scripted(at -> null);
    Scripted up =
        new Scripted(
            at -> at.isBefore(t(4)) ? List.of() : List.of(alert("BookingLatencyHigh", t(3.5))));

    RunResult result = run(scenario(List.of("BookingLatencyHigh")), down, up);

    assertThat(result.detection().orElseThrow().at()).isEqualTo(t(4));
    assertThat(events(result, EventType.PROBE_ERROR)).hasSize(1);
  }

  @Test
  void anAlertThatFiresOnlyAfterTheFaultEndedStillDetects() {
    Scripted prometheus =
        new Scripted(
            at -> at.isBefore(t(11)) ? List.of() : List.of(alert("BookingLatencyHigh", t(8))));

    RunResult result = run(scenario(List.of("BookingLatencyHigh")), prometheus);

    assertThat(result.detection().orElseThrow().at()).isEqualTo(t(11));
  }

  @Test
  void aReportCountsAPolledAlertFromTheMiddleOfItsStatedInterval() {
    Scripted prometheus =
        new Scripted(
            at -> at.isBefore(t(7)) ? List.of() : List.of(alert("BookingLatencyHigh", t(5))));
    RunResult result = run(scenario(List.of("BookingLatencyHigh")), prometheus);

    Timing timing =
        JournalReports.alertTiming(
            events(result, EventType.ALERT_RECEIVED).get(0), result.injectedAt().orElseThrow());

    assertThat(timing.at()).isEqualTo(t(3));
    assertThat(timing.resolution()).isEqualTo(ofSeconds(2));
    assertThat(timing.describe()).endsWith("by alert BookingLatencyHigh");
  }
}
