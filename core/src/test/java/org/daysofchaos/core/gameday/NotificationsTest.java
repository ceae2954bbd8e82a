package org.daysofchaos.core.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.daysofchaos.core.scenario.Problem;
import org.junit.jupiter.api.Test;

/** The {@code notifications} of a game-day file: channels whose URLs stay out of the file. */
class NotificationsTest {
  private static final GameDayReader READER =
      new GameDayReader(List.of("demo/payment-latency"), CronCheck.fieldCount());

  private static final String DAY =
      """
      id: demo-day
      name: Demo game day
      window: { lasts: 20m }
      teams: [blue]
      scenarios:
        - { scenario: demo/payment-latency, at: 1m }
      """;

  private static GameDay read(String notifications) {
    GameDayReadResult result = READER.read("day.yaml", DAY + notifications);
    assertThat(result.problems()).isEmpty();
    return result.gameDay().orElseThrow();
  }

  private static List<String> problems(String notifications) {
    GameDayReadResult result = READER.read("day.yaml", DAY + notifications);
    assertThat(result.gameDay()).isEmpty();
    return result.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void aChannelIsForPlayersAndHearsEverythingUnlessToldOtherwise() {
    GameDay day =
        read(
            """
            notifications:
              - name: players
                url: { env: CHAOS_PLAYERS_HOOK }
              - name: game-masters
                format: slack
                url: { file: /etc/chaos/gm-slack-url }
                audience: game-masters
                events: [started, halted]
            """);

    assertThat(day.notifications())
        .containsExactly(
            new Notification(
                "players",
                Notification.Format.WEBHOOK,
                Notification.Secret.fromEnv("CHAOS_PLAYERS_HOOK"),
                Notification.Audience.PLAYERS,
                List.of(Notification.Event.values())),
            new Notification(
                "game-masters",
                Notification.Format.SLACK,
                Notification.Secret.fromFile("/etc/chaos/gm-slack-url"),
                Notification.Audience.GAME_MASTERS,
                List.of(Notification.Event.STARTED, Notification.Event.HALTED)));
    assertThat(read("").notifications()).isEmpty();
  }

  @Test
  void aUrlWrittenInTheFileIsRefusedWithoutRepeatingIt() {
    List<String> problems =
        problems(
            """
            notifications:
              - name: ops
                url: https://hooks.slack.example/T000/B000/very-secret
            """);

    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith("day.yaml:9:10: notifications[0].url: expected a map with env or file")
        .contains("a webhook URL is a secret")
        .doesNotContain("very-secret");
  }

  @Test
  void eachMistakeIsNamedWithItsPlace() {
    assertThat(
            problems(
                """
                notifications:
                  - name: ops
                    url: { env: A, file: /b }
                    events: [started, exploded]
                  - name: ops
                    url: {}
                """))
        .containsExactly(
            "day.yaml:9:20: notifications[0].url.file: give only one of env or file",
            "day.yaml:10:23: notifications[0].events[1]: expected one of started, detected, reverted,"
                + " recovered, aborted, ended, halted, got 'exploded'",
            "day.yaml:12:10: notifications[1].url: says where the secret is: give env or file");
    assertThat(
            problems(
                """
                notifications:
                  - { name: ops, url: { env: A } }
                  - { name: ops, url: { env: B } }
                """))
        .singleElement()
        .asString()
        .contains("notifications[1].name")
        .contains("ops");
  }
}
