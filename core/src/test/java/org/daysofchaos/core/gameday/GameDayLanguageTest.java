package org.daysofchaos.core.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.daysofchaos.core.scenario.Problem;
import org.junit.jupiter.api.Test;

/** Edges of the game-day language that the binder settles: files, windows and teams. */
class GameDayLanguageTest {
  private static final GameDayReader READER =
      new GameDayReader(List.of("demo/payment-latency"), CronCheck.fieldCount());

  private static List<String> problems(String yaml) {
    GameDayReadResult result = READER.read("day.yaml", yaml);
    assertThat(result.gameDay()).isEmpty();
    return result.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void anInvalidWindowStillLetsEveryScenarioBeChecked() {
    assertThat(
            problems(
                """
                id: d
                name: D
                window: { lasts: soon }
                teams: [blue]
                scenarios:
                  - scenario: demo/payment-latency
                    between: [5m, 2m]
                  - scenario: demo/payment-latency
                    between: [1m, 2m]
                """))
        .containsExactly(
            "day.yaml:3:18: window.lasts: 'soon' is not a duration; write e.g. 500ms, 30s, 2m or"
                + " 1h30m",
            "day.yaml:7:19: scenarios[0].between[1]: must come after scenarios[0].between[0]");
  }

  @Test
  void theWindowIsCheckedWhereverItIsWrittenInTheFile() {
    assertThat(
            problems(
                """
                id: d
                name: D
                teams: [blue]
                scenarios:
                  - scenario: demo/payment-latency
                    at: 2h
                window: { lasts: 1h }
                """))
        .containsExactly(
            "day.yaml:6:9: scenarios[0].at: is not inside the window: it lasts 1h, so an offset"
                + " must be shorter");
  }

  @Test
  void closesNeedsOpensAndComesAfterIt() {
    String day =
        """
        id: d
        name: D
        teams: [blue]
        scenarios: [{scenario: demo/payment-latency, at: 1m}]
        """;
    assertThat(problems(day + "window: { closes: 2026-12-01T17:00:00+01:00 }\n"))
        .containsExactly(
            "day.yaml:5:11: window.closes: needs opens to be a date-time too; or write lasts (e.g."
                + " 2h)");
    assertThat(
            problems(
                day
                    + "window: { opens: 2026-12-01T17:00:00+01:00, closes:"
                    + " 2026-12-01T09:00:00+01:00 }\n"))
        .containsExactly("day.yaml:5:53: window.closes: must be after opens");
    assertThat(problems(day + "window: { lasts: 1h, closes: 2026-12-01T17:00:00+01:00 }\n"))
        .containsExactly("day.yaml:5:22: window.closes: give only one of lasts or closes");
  }

  @Test
  void aTeamWrittenAsAMapIsADuplicateAtItsName() {
    assertThat(
            problems(
                """
                id: d
                name: D
                window: { lasts: 1h }
                teams: [blue, {name: Blue}]
                scenarios: [{scenario: demo/payment-latency, at: 1m}]
                """))
        .containsExactly(
            "day.yaml:4:22: teams[1].name: duplicate team 'Blue'; it is already given at line 4");
  }

  @Test
  void yamlProblemsSpeakOfAGameDayFile() {
    assertThat(problems("id: d\n---\nid: e\n"))
        .containsExactly(
            "day.yaml:2:1: yaml: a game day file holds one document; remove the second '---'");
  }
}
