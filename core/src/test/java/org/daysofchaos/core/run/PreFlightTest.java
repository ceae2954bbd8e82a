package org.daysofchaos.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.spi.AlertWatch;
import org.daysofchaos.core.spi.FiringAlert;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.Lag;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.testing.RecordingInjector;
import org.daysofchaos.core.testing.Scenarios;
import org.daysofchaos.core.testing.ScriptedProbe;
import org.daysofchaos.core.testing.TestFault;
import org.junit.jupiter.api.Test;

/** The pre-flight checklist: one item per target and probe, each saying what is wrong. */
class PreFlightTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC);
  private final RecordingInjector injector = new RecordingInjector();

  private List<PreFlight.Item> check(Scenario scenario, ProbeRunners probes) {
    return PreFlight.check(scenario, Injectors.of(List.of(injector)), probes);
  }

  private static Scenario scenario(ScriptedProbe steady, ScriptedProbe signal) {
    return Scenarios.timeBoxed(
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        List.of(TestFault.on("db")),
        List.of(steady),
        List.of(signal));
  }

  @Test
  void aHealthySystemPassesEveryItem() {
    List<PreFlight.Item> items =
        check(
            scenario(ScriptedProbe.always("up", true), ScriptedProbe.always("errors", false)),
            ProbeRunners.of(List.of(ScriptedProbe.runner(CLOCK))));

    assertThat(items)
        .extracting(PreFlight.Item::what)
        .containsExactly(
            "target db", "steady state ScriptedProbe up", "detection signal ScriptedProbe errors");
    assertThat(items).allMatch(PreFlight.Item::ok);
    assertThat(injector.log()).as("nothing is injected").isEmpty();
  }

  @Test
  void aSteadyStateThatDoesNotHoldAndASignalAlreadyRaisedAreNamed() {
    List<PreFlight.Item> items =
        check(
            scenario(ScriptedProbe.always("up", false), ScriptedProbe.always("errors", true)),
            ProbeRunners.of(List.of(ScriptedProbe.runner(CLOCK))));

    assertThat(items)
        .filteredOn(i -> !i.ok())
        .extracting(PreFlight.Item::describe)
        .anyMatch(
            line ->
                line.startsWith("[FAIL] test/scenario: steady state")
                    && line.contains("does not hold now, so the incident would abort at its gate"))
        .anyMatch(
            line ->
                line.startsWith("[FAIL] test/scenario: detection signal")
                    && line.contains(
                        "already holds before any fault, so detection would be immediate"));
  }

  @Test
  void aProbeThatDoesNotAnswerOrHasNoRunnerFails() {
    ProbeRunner<ScriptedProbe> down =
        ProbeRunner.of(
            ScriptedProbe.class,
            probe -> {
              throw new java.io.IOException("connection refused: prometheus:9090");
            });

    List<PreFlight.Item> items =
        check(
            scenario(ScriptedProbe.always("up", true), ScriptedProbe.always("errors", false)),
            ProbeRunners.of(List.of(down)));

    assertThat(items.get(1).ok()).isFalse();
    assertThat(items.get(1).detail())
        .isEqualTo("does not answer: connection refused: prometheus:9090");
    assertThat(
            check(
                    scenario(ScriptedProbe.always("up", true), ScriptedProbe.always("e", false)),
                    ProbeRunners.of(List.of()))
                .get(1)
                .detail())
        .startsWith("no runner is configured for");
  }

  /** An alert source that answers these alerts, or throws when there are none to give. */
  private static AlertWatch alertSource(List<FiringAlert> firing) {
    return new AlertWatch() {
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
        if (firing == null) {
          throw new IOException("cannot reach Prometheus");
        }
        return firing;
      }

      @Override
      public Lag lag() {
        return Lag.throughSamples(Duration.ZERO, Duration.ofSeconds(30));
      }
    };
  }

  @Test
  void theAlertsOfAScenarioAreCheckedOnEveryAlertSource() {
    Scenario plain = scenario(ScriptedProbe.always("up", true), ScriptedProbe.always("e", false));
    Scenario alerted = Scenarios.withAlerts(plain, List.of("SlowBookings"));
    ProbeRunners probes = ProbeRunners.of(List.of(ScriptedProbe.runner(CLOCK)));
    Injectors injectors = Injectors.of(List.of(injector));
    FiringAlert already =
        new FiringAlert(Map.of("alertname", "SlowBookings"), Instant.parse("2026-12-02T08:59:00Z"));

    List<PreFlight.Item> items =
        PreFlight.check(
            alerted,
            injectors,
            probes,
            List.of(alertSource(List.of()), alertSource(null), alertSource(List.of(already))));

    assertThat(items.subList(3, 6))
        .extracting(PreFlight.Item::ok, PreFlight.Item::detail)
        .containsExactly(
            tuple(true, "answers, none fires now"),
            tuple(false, "does not answer: cannot reach Prometheus"),
            tuple(
                false,
                "SlowBookings fires already (active since 2026-12-02T08:59:00Z); an alert active"
                    + " before the injection does not count, so it could not detect the incident"));
    assertThat(items.get(3).what())
        .isEqualTo("detection alerts SlowBookings on prometheus-alerts-api main");
    assertThat(PreFlight.check(plain, injectors, probes, List.of(alertSource(null))))
        .as("no alerts named, none checked")
        .hasSize(3);
  }
}
