package org.daysofchaos.core.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.scenario.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GameDayReaderTest {
  private static final GameDayReader READER =
      new GameDayReader(
          List.of("demo/payment-latency", "demo/inventory-outage", "demo/payment-resets"),
          CronCheck.fieldCount());

  private static final String VALID =
      """
      id: demo-day
      name: Demo game day
      description: The first one.
      window: { lasts: 20m }
      teams:
        - blue
        - name: red
      scenarios:
        - scenario: demo/payment-latency
          at: 1m
        - scenario: demo/inventory-outage
          between: [3m, 6m]
        - scenario: demo/payment-resets
          cron: "0 0/5 * * * ?"
      """;

  private static List<String> problems(String yaml) {
    GameDayReadResult result = READER.read("day.yaml", yaml);
    assertThat(result.gameDay()).isEmpty();
    return result.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void readsAGameDayWithEachKindOfTiming() {
    GameDayReadResult result = READER.read("day.yaml", VALID);

    assertThat(result.problems()).isEmpty();
    GameDay day = result.gameDay().orElseThrow();
    assertThat(day.id()).isEqualTo("demo-day");
    assertThat(day.name()).isEqualTo("Demo game day");
    assertThat(day.description()).isEqualTo("The first one.");
    assertThat(day.window()).isEqualTo(new Window(Optional.empty(), Duration.ofMinutes(20)));
    assertThat(day.teams()).containsExactly(new Team("blue"), new Team("red"));
    assertThat(day.slots())
        .containsExactly(
            new Slot(
                0,
                "demo/payment-latency",
                new Timing.At(new TimePoint.Offset(Duration.ofMinutes(1)))),
            new Slot(
                1,
                "demo/inventory-outage",
                new Timing.Between(
                    new TimePoint.Offset(Duration.ofMinutes(3)),
                    new TimePoint.Offset(Duration.ofMinutes(6)))),
            new Slot(2, "demo/payment-resets", new Timing.Cron("0 0/5 * * * ?")));
  }

  @Test
  void aGameDayIsBlindOnlyWhenItSaysSo() {
    assertThat(READER.read("day.yaml", VALID).gameDay().orElseThrow().blind()).isFalse();
    GameDay blind = READER.read("day.yaml", VALID + "blind: true\n").gameDay().orElseThrow();
    assertThat(blind.blind()).isTrue();
    assertThat(problems(VALID + "blind: sometimes\n"))
        .singleElement()
        .asString()
        .startsWith("day.yaml:15:8: blind:");
  }

  @Test
  void readsAWindowWithFixedOpeningAndClosingAndDateTimes() {
    GameDayReadResult result =
        READER.read(
            "day.yaml",
            """
            id: december
            name: December
            window:
              opens: 2026-12-01T09:00:00+01:00
              closes: 2026-12-01T17:00:00+01:00
            teams: [blue]
            scenarios:
              - scenario: demo/payment-latency
                at: 2026-12-01T10:30:00+01:00
            """);

    assertThat(result.problems()).isEmpty();
    GameDay day = result.gameDay().orElseThrow();
    assertThat(day.window().opens()).contains(Instant.parse("2026-12-01T08:00:00Z"));
    assertThat(day.window().length()).isEqualTo(Duration.ofHours(8));
    assertThat(day.slots().get(0).timing())
        .isEqualTo(new Timing.At(new TimePoint.Absolute(Instant.parse("2026-12-01T09:30:00Z"))));
  }

  @Test
  void reportsEveryProblemWithItsPositionAndField() {
    assertThat(
            problems(
                """
                id: Demo Day
                nmae: x
                window: { lasts: 0s }
                teams: [blue, Blue]
                scenarios:
                  - scenario: demo/payment-latncy
                    at: 1m
                  - scenario: demo/inventory-outage
                    at: 1m
                    cron: "0 * * * * ?"
                  - scenario: demo/payment-resets
                """))
        .containsExactly(
            "day.yaml:1:1: name: is missing; expected a text",
            "day.yaml:1:5: id: 'Demo Day' is not a valid game-day id; use lower-case words joined"
                + " by '-', e.g. demo-day",
            "day.yaml:2:1: nmae: unknown key 'nmae' (did you mean 'name'?); allowed keys: id,"
                + " name, description, window, teams, scenarios, guardrails, blind, notifications",
            "day.yaml:3:18: window.lasts: must be longer than 0s",
            "day.yaml:4:15: teams[1]: duplicate team 'Blue'; it is already given at line 4",
            "day.yaml:6:15: scenarios[0].scenario: no scenario 'demo/payment-latncy' is loaded"
                + " (did you mean 'demo/payment-latency'?); loaded: demo/inventory-outage,"
                + " demo/payment-latency, demo/payment-resets",
            "day.yaml:10:5: scenarios[1].cron: give only one of at, between or cron",
            "day.yaml:11:5: scenarios[2]: says when it fires: give one of at, between or cron");
  }

  @Test
  void refusesMomentsOutsideTheWindowAndRangesThatEndBeforeTheyStart() {
    assertThat(
            problems(
                """
                id: d
                name: D
                window: { lasts: 10m }
                teams: [blue]
                scenarios:
                  - scenario: demo/payment-latency
                    at: 10m
                  - scenario: demo/payment-latency
                    between: [5m, 2m]
                  - scenario: demo/payment-latency
                    at: 2026-12-01T10:30:00+01:00
                  - scenario: demo/payment-latency
                    between: 3m
                  - scenario: demo/payment-latency
                    at: soon
                """))
        .containsExactly(
            "day.yaml:7:9: scenarios[0].at: is not inside the window: it lasts 10m, so an offset"
                + " must be shorter",
            "day.yaml:9:19: scenarios[1].between[1]: must come after scenarios[1].between[0]",
            "day.yaml:11:9: scenarios[2].at: a date-time needs window.opens to be a date-time"
                + " too; write an offset such as 10m",
            "day.yaml:13:14: scenarios[3].between: expected two moments, [from, to] such as [3m,"
                + " 6m], got '3m'",
            "day.yaml:15:9: scenarios[4].at: expected an offset into the window such as 90s or"
                + " 2m, or a date-time such as 2026-12-01T09:30:00+01:00, got 'soon'");
  }

  @Test
  void checksCronExpressionsWithTheGivenCheck() {
    GameDayReader strict =
        new GameDayReader(
            List.of("demo/payment-latency"),
            expression -> Optional.of("Illegal characters for this position: 'BAD'"));

    GameDayReadResult result =
        strict.read(
            "day.yaml",
            """
            id: d
            name: D
            window: { lasts: 1h }
            teams: [blue]
            scenarios:
              - scenario: demo/payment-latency
                cron: "0 BAD * * * ?"
            """);

    assertThat(result.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "day.yaml:7:11: scenarios[0].cron: not a valid cron expression: Illegal characters"
                + " for this position: 'BAD'");
  }

  @Test
  void reportsMissingKeysAtTheEnclosingMapAndWrongShapes() {
    assertThat(
            problems(
                """
                id: d
                name: D
                window: { opens: tomorrow }
                teams: []
                scenarios: { scenario: demo/payment-latency }
                """))
        .containsExactly(
            "day.yaml:3:9: window: says how long it lasts: give lasts (e.g. 2h) or closes",
            "day.yaml:3:18: window.opens: expected a date-time with its offset, such as"
                + " 2026-12-01T09:00:00+01:00, got 'tomorrow'",
            "day.yaml:4:8: teams: must not be empty; expected a list of teams",
            "day.yaml:5:12: scenarios: expected a list of scenarios, each with at, between or"
                + " cron, got a map");
  }

  @Test
  void neverThrowsOnSyntaxErrorsOrEmptyFiles() {
    assertThat(problems(""))
        .containsExactly(
            "day.yaml:1:1: yaml: the file is empty; a game day needs id, name, window, teams and"
                + " scenarios");
    assertThat(problems("- a\n- b\n"))
        .singleElement()
        .asString()
        .startsWith("day.yaml:1:1: yaml: expected a map");
    assertThat(problems("id: [unclosed\n")).singleElement().asString().contains(": yaml: ");
  }

  @Test
  void namesAMissingFileAsAProblem(@TempDir Path dir) throws Exception {
    GameDayReadResult missing = READER.read(dir.resolve("nope.yaml"));
    assertThat(missing.report()).endsWith("nope.yaml:1:1: file: no such file");

    Path file = Files.writeString(dir.resolve("day.yaml"), VALID);
    assertThat(READER.read(file).ok()).isTrue();
  }
}
