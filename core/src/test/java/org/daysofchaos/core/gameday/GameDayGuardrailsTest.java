package org.daysofchaos.core.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Guardrail;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.scenario.Problem;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.testing.Scenarios;
import org.junit.jupiter.api.Test;

/** Game-day guardrails: read as a scenario's are, and added to every incident's own. */
class GameDayGuardrailsTest {
  @Kind(value = "web/ok", doc = "Holds when a URL answers.")
  record WebOk(String url, @Default("2s") Duration timeout) implements ProbeSpec {
    WebOk {
      if (!url.startsWith("http")) {
        throw new IllegalArgumentException("not a web address: " + url);
      }
    }

    @Override
    public String describe() {
      return "GET " + url;
    }
  }

  private static final GameDayReader READER =
      new GameDayReader(
          List.of("demo/payment-latency"), CronCheck.fieldCount(), KindCatalog.of(WebOk.class));

  private static final String DAY =
      """
      id: guarded-day
      name: Guarded
      window: { lasts: 1h }
      teams: [blue]
      scenarios:
        - scenario: demo/payment-latency
          at: 1m
      """;

  private static List<String> problems(GameDayReader reader, String yaml) {
    GameDayReadResult result = reader.read("day.yaml", yaml);
    assertThat(result.gameDay()).isEmpty();
    return result.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void readsGuardrailsWithTheScenarioDefaults() {
    GameDayReadResult result =
        READER.read(
            "day.yaml",
            DAY
                + """
                guardrails:
                  - name: search stays up
                    holds: { kind: web/ok, url: "http://search/health" }
                    abortAfter: 10s
                  - name: login stays up
                    holds: { kind: web/ok, url: "http://login/health", timeout: 1s }
                """);

    assertThat(result.problems()).isEmpty();
    assertThat(result.gameDay().orElseThrow().guardrails())
        .containsExactly(
            new Guardrail(
                "search stays up",
                new WebOk("http://search/health", Duration.ofSeconds(2)),
                Duration.ofSeconds(10)),
            new Guardrail(
                "login stays up",
                new WebOk("http://login/health", Duration.ofSeconds(1)),
                Duration.ZERO));
  }

  @Test
  void aGameDayWithoutGuardrailsHasNone() {
    assertThat(READER.read("day.yaml", DAY).gameDay().orElseThrow().guardrails()).isEmpty();
    assertThat(
            READER.read("day.yaml", DAY + "guardrails: []\n").gameDay().orElseThrow().guardrails())
        .isEmpty();
  }

  @Test
  void reportsGuardrailProblemsAtTheirLineWithTheirField() {
    assertThat(
            problems(
                READER,
                DAY
                    + """
                    guardrails:
                      - name: search stays up
                        holds: { kind: web/okay, url: "http://search/health" }
                      - holds: { kind: web/ok, url: "ftp://search" }
                        abortAfter: soon
                      - name: extra
                        hold: { kind: web/ok, url: "http://x" }
                    """))
        .containsExactly(
            "day.yaml:10:20: guardrails[0].holds.kind: unknown probe kind 'web/okay' (did you mean"
                + " 'web/ok'?); known probe kinds: web/ok",
            "day.yaml:11:5: guardrails[1].name: is missing; expected a text",
            "day.yaml:11:12: guardrails[1].holds: not a web address: ftp://search",
            "day.yaml:12:17: guardrails[1].abortAfter: 'soon' is not a duration; write e.g."
                + " 500ms, 30s, 2m or 1h30m",
            "day.yaml:14:5: guardrails[2].hold: unknown key 'hold' (did you mean 'holds'?);"
                + " allowed keys: name, holds, abortAfter");
  }

  @Test
  void suggestsTheGuardrailsKeyForATypo() {
    assertThat(problems(READER, DAY + "guardrail: []\n"))
        .containsExactly(
            "day.yaml:8:1: guardrail: unknown key 'guardrail' (did you mean 'guardrails'?);"
                + " allowed keys: id, name, description, window, teams, scenarios, guardrails, blind,"
                + " notifications");
  }

  @Test
  void aReaderWithoutProbeKindsSaysItCannotReadGuardrails() {
    GameDayReader plain =
        new GameDayReader(List.of("demo/payment-latency"), CronCheck.fieldCount());

    assertThat(
            problems(
                plain,
                DAY + "guardrails:\n  - { name: x, holds: { kind: web/ok, url: \"http://x\" } }\n"))
        .containsExactly(
            "day.yaml:9:3: guardrails: this reader was built without probe kinds, so it cannot"
                + " read guardrails");
    assertThat(plain.read("day.yaml", DAY).ok()).isTrue();
  }

  @Test
  void aScenarioGetsTheGameDaysGuardrailsAfterItsOwn() {
    Scenario plain =
        Scenarios.timeBoxed(
            Duration.ofSeconds(30), Duration.ofSeconds(5), List.of(), List.of(), List.of());
    Guardrail own =
        new Guardrail("own", new WebOk("http://own", Duration.ofSeconds(2)), Duration.ZERO);
    Guardrail dayWide =
        new Guardrail("day", new WebOk("http://day", Duration.ofSeconds(2)), Duration.ofSeconds(5));
    Scenario guarded = plain.plusGuardrails(List.of(own)).plusGuardrails(List.of(dayWide));

    assertThat(guarded.guardrails()).containsExactly(own, dayWide);
    assertThat(
            guarded
                .withTiming(Optional.empty(), Duration.ofMinutes(1), guarded.recovery())
                .guardrails())
        .containsExactly(own, dayWide);
    assertThat(plain.plusGuardrails(List.of())).isSameAs(plain);
  }
}
