package org.daysofchaos.scoreboard.gameday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.junit.jupiter.api.Test;

/**
 * What {@code serve --gameday FILE} does with a file whose game day is already stored, as it does
 * at every restart: nothing when the text is the same, whatever the state; a change is reported and
 * not applied while the game day runs, and replaces it once it is over.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class GameDayFilesTest {
  @Inject GameDayFiles files;
  @Inject GameDays gameDays;
  @Inject AuditLog audit;

  private static String yaml(String id, String name) {
    return """
        id: %s
        name: %s
        window: { lasts: 1h }
        teams: [blue]
        scenarios:
          - scenario: demo/payment-latency
            at: 50m
        """
        .formatted(id, name);
  }

  @Test
  void theSameFileLeavesItsGameDayAsItIsWhateverItsState() {
    String source = "/srv/same.yaml";
    files.load(source, yaml("same-day", "Same"));
    assertThat(gameDays.get("same-day").state()).isEqualTo(GameDayStore.State.LOADED);
    GameDayStore.Row started = gameDays.start("same-day", "test");

    files.load(source, yaml("same-day", "Same"));
    GameDayStore.Row again = gameDays.get("same-day");
    assertThat(again.state()).isEqualTo(GameDayStore.State.RUNNING);
    assertThat(again.startedAt()).isEqualTo(started.startedAt());

    gameDays.stop("same-day", "test");
    files.load(source, yaml("same-day", "Same"));
    assertThat(gameDays.get("same-day").state())
        .as("a stopped game day keeps its state and times")
        .isEqualTo(GameDayStore.State.STOPPED);
    assertThat(gameDays.get("same-day").startedAt()).isEqualTo(started.startedAt());
  }

  @Test
  void aChangedFileIsReportedAndNotAppliedWhileItsGameDayRunsThenReplacesIt() {
    String source = "/srv/changed.yaml";
    files.load(source, yaml("changed-day", "Before"));
    gameDays.start("changed-day", "test");

    files.load(source, yaml("changed-day", "After"));

    GameDayStore.Row row = gameDays.get("changed-day");
    assertThat(row.state()).isEqualTo(GameDayStore.State.RUNNING);
    assertThat(row.name()).isEqualTo("Before");
    assertThat(files.notices())
        .anyMatch(
            n ->
                n.contains("game day changed-day is RUNNING")
                    && n.contains(source + " changed (first difference at line 2)")
                    && n.contains("NOT applied"));
    assertThat(audit.recent(50, "gameday-file-changed"))
        .anyMatch(e -> e.subject().equals("game day changed-day"));

    gameDays.stop("changed-day", "test");
    files.load(source, yaml("changed-day", "After"));
    assertThat(gameDays.get("changed-day").name()).isEqualTo("After");
    assertThat(gameDays.get("changed-day").state()).isEqualTo(GameDayStore.State.LOADED);
  }

  @Test
  void aFileThatNoLongerReadsIsReportedWhileItsGameDayRunsAndRefusedOtherwise() {
    String source = "/srv/broken.yaml";
    files.load(source, yaml("broken-day", "Broken"));
    gameDays.start("broken-day", "test");
    String broken = yaml("broken-day", "Broken").replace("demo/payment-latency", "demo/nope");

    files.load(source, broken);

    assertThat(gameDays.get("broken-day").state()).isEqualTo(GameDayStore.State.RUNNING);
    assertThat(files.notices())
        .anyMatch(n -> n.contains("game day broken-day") && n.contains("no longer reads"));
    assertThatThrownBy(() -> files.load("/srv/other.yaml", broken))
        .isInstanceOf(GameDays.InvalidGameDay.class);
    gameDays.stop("broken-day", "test");
  }
}
